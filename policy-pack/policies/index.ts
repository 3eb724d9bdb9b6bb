import { Policies } from "@pulumi/policy";
import { enforceClosedConfig } from "../lib/closedConfig";
import { awsCloudmapInstanceAttributes } from "./awsCloudmapInstanceAttributes";
import { awsCloudmapInstanceNonIpAttributes } from "./awsCloudmapInstanceNonIpAttributes";
import { awsCloudmapNamespaceDisallowPublic } from "./awsCloudmapNamespaceDisallowPublic";
import { awsCloudmapNamespaceNoExposedServices } from "./awsCloudmapNamespaceNoExposedServices";
import { awsCloudmapServiceCustomHealthThreshold } from "./awsCloudmapServiceCustomHealthThreshold";
import { awsCloudmapServiceDiscoveryStaleness } from "./awsCloudmapServiceDiscoveryStaleness";
import { awsCloudmapServiceDnsConfig } from "./awsCloudmapServiceDnsConfig";
import { awsCloudmapServiceHealthCheck } from "./awsCloudmapServiceHealthCheck";
import { awsCloudmapServiceMaxTtl } from "./awsCloudmapServiceMaxTtl";
import { awsCloudmapServiceNamespaceKind } from "./awsCloudmapServiceNamespaceKind";
import { awsDynamodbTableDiscoverableProtection } from "./awsDynamodbTableDiscoverableProtection";
import { awsEc2SecurityGroupDiscoverableNoPublicIngress } from "./awsEc2SecurityGroupDiscoverableNoPublicIngress";
import { awsEcsServiceCloudmapRegistry } from "./awsEcsServiceCloudmapRegistry";
import { awsEcsServiceNoPublicIp } from "./awsEcsServiceNoPublicIp";
import { awsEcsServiceServiceConnect } from "./awsEcsServiceServiceConnect";
import { awsEcsServiceServiceConnectFit } from "./awsEcsServiceServiceConnectFit";
import { awsIamRolePolicyTaskLeastPrivilege } from "./awsIamRolePolicyTaskLeastPrivilege";

/**
 * Every policy of the pack: the two core rules, then what AWS would reject, then advice. Each
 * refuses config properties its schema does not declare (lib/closedConfig.ts).
 */
export const policies: Policies = [
    awsCloudmapNamespaceDisallowPublic,
    awsCloudmapNamespaceNoExposedServices,
    awsCloudmapServiceMaxTtl,
    awsCloudmapServiceDnsConfig,
    awsCloudmapServiceHealthCheck,
    awsCloudmapServiceNamespaceKind,
    awsEcsServiceCloudmapRegistry,
    awsEcsServiceServiceConnect,
    awsCloudmapInstanceAttributes,
    awsCloudmapInstanceNonIpAttributes,
    awsCloudmapServiceCustomHealthThreshold,
    awsCloudmapServiceDiscoveryStaleness,
    awsEcsServiceNoPublicIp,
    awsEcsServiceServiceConnectFit,
    awsEc2SecurityGroupDiscoverableNoPublicIngress,
    awsIamRolePolicyTaskLeastPrivilege,
    awsDynamodbTableDiscoverableProtection,
].map(enforceClosedConfig);

import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkDiscoveryMode } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";

// CreateService rejects these (API_DnsConfig, API_DnsRecord): a CNAME record only with WEIGHTED
// routing and never beside other records, only the documented record-type combinations,
// TTLs in [0, 2^31-1], a service type other than "HTTP", DNS records on API-only services.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html
// The service alone decides these, so this is a resource policy: it runs on each service's
// inputs as the engine plans it. The rule that needs the namespace (no DNS records in an HTTP
// namespace) is aws-cloudmap-service-namespace-kind's: without a namespace kind,
// checkDiscoveryMode never reports it here.
export const awsCloudmapServiceDnsConfig: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-dns-config",
    description: "Requires Cloud Map DNS records and routing that AWS accepts (CNAME only alone and with WEIGHTED routing, valid record combinations and TTLs, no records on API-only services), because CreateService rejects anything else and the deployment fails.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService) {
            return;
        }
        reportFindings(checkDiscoveryMode(cloudMapServiceShape(args)), reportViolation);
    },
};

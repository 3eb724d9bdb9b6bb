import { StackValidationPolicy } from "@pulumi/policy";
import { checkDiscoveryMode } from "../../components/rules";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { forEachKnown, namespaceKindOf } from "../lib/stackGraph";

// CreateService rejects these (API_DnsConfig, API_DnsRecord): a CNAME record only with WEIGHTED
// routing and never beside other records, only the documented record-type combinations,
// TTLs in [0, 2^31-1], no DNS records on API-only services or in HTTP namespaces.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html
export const awsCloudmapServiceDnsConfig: StackValidationPolicy = {
    name: "aws-cloudmap-service-dns-config",
    description: "Requires Cloud Map DNS records and routing that AWS accepts (CNAME only alone and with WEIGHTED routing, valid record combinations, no records in HTTP namespaces), because CreateService rejects anything else and the deployment fails.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapService), (service) => {
            reportFindings(checkDiscoveryMode(service.props, namespaceKindOf(service)), reportViolation, service.urn);
        });
    },
};

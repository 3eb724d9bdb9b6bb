import { StackValidationPolicy } from "@pulumi/policy";
import { checkDiscoveryMode } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { forEachKnown, namespaceKindOf } from "../lib/stackGraph";

// CreateService rejects these (API_DnsConfig, API_DnsRecord): a CNAME record only with WEIGHTED
// routing and never beside other records, only the documented record-type combinations,
// TTLs in [0, 2^31-1], no DNS records on API-only services or in HTTP namespaces.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html
// A stack policy, because only the namespace (found through property dependencies) tells
// whether DNS records are possible at all; it reads the service as cloudMapServiceShape
// does, so an unset (and therefore unknown in preview) `type` does not stop the record rules.
export const awsCloudmapServiceDnsConfig: StackValidationPolicy = {
    name: "aws-cloudmap-service-dns-config",
    description: "Requires Cloud Map DNS records and routing that AWS accepts (CNAME only alone and with WEIGHTED routing, valid record combinations, no records in HTTP namespaces), because CreateService rejects anything else and the deployment fails.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapService), (service) => {
            reportFindings(checkDiscoveryMode(cloudMapServiceShape(service), namespaceKindOf(service)), reportViolation, service.urn);
        });
    },
};

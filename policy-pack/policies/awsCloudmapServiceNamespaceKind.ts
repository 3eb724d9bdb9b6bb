import { StackValidationPolicy } from "@pulumi/policy";
import { checkDiscoveryMode, checkHealthChecks } from "../../components/rules";
import { cloudMapServiceOutline } from "../lib/cloudMapService";
import { onlyRules, reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { forEachKnown, namespaceKindOf } from "../lib/stackGraph";
import { closedConfigSchema } from "../lib/closedConfig";

/** The rules of checkDiscoveryMode and checkHealthChecks that need the namespace's kind. */
const NAMESPACE_RULES = ["cloudmap-http-namespace-no-dns", "cloudmap-health-check-private-namespace"];

// An HTTP namespace has no hosted zone, so its services cannot have DNS records; Route 53 cannot
// probe addresses inside a VPC, so a private DNS namespace takes no Route 53 health check
// (API_CreateService, API_HealthCheckConfig). A stack policy, because only the namespace (found
// through property dependencies, known in preview) tells; the service's own rules are
// aws-cloudmap-service-dns-config's and aws-cloudmap-service-health-check's.
export const awsCloudmapServiceNamespaceKind: StackValidationPolicy = {
    name: "aws-cloudmap-service-namespace-kind",
    description: "Disallows DNS records on Cloud Map services in HTTP namespaces and Route 53 health checks in private DNS namespaces, because CreateService rejects them.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapService), (service) => {
            const kind = namespaceKindOf(service);
            if (kind === undefined) {
                return; // the namespace is not in this stack
            }
            const outline = cloudMapServiceOutline(service);
            reportFindings(onlyRules([...checkDiscoveryMode(outline, kind), ...checkHealthChecks(outline, kind)], NAMESPACE_RULES),
                reportViolation, service.urn);
        });
    },
};

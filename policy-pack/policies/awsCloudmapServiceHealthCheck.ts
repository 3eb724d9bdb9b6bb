import { StackValidationPolicy } from "@pulumi/policy";
import { checkHealthChecks } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { onlyRules, reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { forEachKnown, namespaceKindOf } from "../lib/stackGraph";

/** The health-check rules CreateService enforces; the rest of checkHealthChecks is advice. */
const REJECTED_BY_AWS = ["cloudmap-health-check-private-namespace", "cloudmap-health-check-exclusive", "cloudmap-health-check-cname"];

// Route 53 health checks are for public DNS and HTTP namespaces only (Route 53 cannot probe
// addresses inside a VPC), cannot be combined with a custom health check and cannot be used
// with CNAME records (API_HealthCheckConfig, API_CreateService).
// https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html
export const awsCloudmapServiceHealthCheck: StackValidationPolicy = {
    name: "aws-cloudmap-service-health-check",
    description: "Disallows Route 53 health checks on Cloud Map services in private DNS namespaces, with CNAME records, or beside a custom health check, because AWS rejects those services.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapService), (service) => {
            if (service.props.healthCheckConfig === undefined) {
                return; // every rule enforced here is about a Route 53 health check
            }
            const findings = checkHealthChecks(cloudMapServiceShape(service), namespaceKindOf(service));
            reportFindings(onlyRules(findings, REJECTED_BY_AWS), reportViolation, service.urn);
        });
    },
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkHealthChecks } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { isUnset } from "../lib/read";
import { onlyRules, reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";

/**
 * The health-check rules CreateService enforces that the service alone decides. The rest of
 * checkHealthChecks is advice (aws-cloudmap-service-custom-health-threshold) or needs the
 * namespace (aws-cloudmap-service-namespace-kind).
 */
const REJECTED_BY_AWS = ["cloudmap-health-check-exclusive", "cloudmap-health-check-cname"];

// A Route 53 health check cannot be combined with a custom health check and cannot be used
// with CNAME records (API_HealthCheckConfig, API_CreateService).
// https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html
export const awsCloudmapServiceHealthCheck: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-health-check",
    description: "Disallows Route 53 health checks on Cloud Map services with CNAME records or beside a custom health check, because AWS rejects those services.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService || isUnset(args.props.healthCheckConfig)) {
            return; // every rule enforced here is about a Route 53 health check
        }
        reportFindings(onlyRules(checkHealthChecks(cloudMapServiceShape(args)), REJECTED_BY_AWS), reportViolation);
    },
};

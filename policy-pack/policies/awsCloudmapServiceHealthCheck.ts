import { ResourceValidationPolicy } from "@pulumi/policy";
import { at, checkHealthChecks } from "../../components/rules";
import { cloudMapServiceShape, route53HealthCheckOf } from "../lib/cloudMapService";
import { isUnset } from "../lib/read";
import { onlyRules, reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";
import { Undecided } from "../lib/unknowns";

/**
 * The health-check rules CreateService enforces that the service alone decides: the Route 53
 * health check's own settings, and where it may not be used. The rest of checkHealthChecks is
 * advice (aws-cloudmap-service-custom-health-threshold), needs the namespace
 * (aws-cloudmap-service-namespace-kind), or is a misspelt setting, which the provider's schema
 * reports (cloudmap-health-check-setting).
 */
const SETTING_RULES = ["cloudmap-health-check-type", "cloudmap-health-check-resource-path", "cloudmap-health-check-failure-threshold"];
const PLACEMENT_RULES = ["cloudmap-health-check-exclusive", "cloudmap-health-check-cname"];

const ROUTE53_PATH = "healthCheckConfig";

// A Route 53 health check needs a type (HTTP, HTTPS or TCP, case-sensitive), takes no path when
// it is TCP, a path of at most 255 characters and a failure threshold of 1-10; it cannot be
// combined with a custom health check or used with CNAME records (API_HealthCheckConfig,
// API_CreateService).
// https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html
export const awsCloudmapServiceHealthCheck: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-health-check",
    description: "Requires a Cloud Map service's Route 53 health check to have a type of HTTP, HTTPS or TCP, no path on a TCP check, a path of at most 255 characters and a failure threshold of 1 to 10, and disallows it with CNAME records or beside a custom health check, because AWS rejects those services.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService || isUnset(args.props.healthCheckConfig)) {
            return; // every rule enforced here is about a Route 53 health check
        }
        const undecided = new Undecided();
        const route53 = route53HealthCheckOf(args.props.healthCheckConfig, undecided);
        const shape = cloudMapServiceShape(args);
        // A health check that is not a block has no settings to judge: the provider rejects it.
        const findings = route53 === undefined
            ? onlyRules(checkHealthChecks(shape), PLACEMENT_RULES)
            : onlyRules(checkHealthChecks({ ...shape, healthCheckConfig: route53.settings }), [...SETTING_RULES, ...PLACEMENT_RULES])
                // A setting still unknown is missing from the settings read: what a rule says of it is not known yet.
                .filter((f) => !route53.unknown.some((key) => f.path === at(ROUTE53_PATH, key)));
        reportFindings(findings, reportViolation);
        undecided.settle();
    },
};

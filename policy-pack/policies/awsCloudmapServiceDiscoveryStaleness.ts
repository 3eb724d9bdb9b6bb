import { ResourceValidationPolicy } from "@pulumi/policy";
import { discoveryStalenessSeconds, healthDelaySeconds, StalenessInput, stalenessInputOf } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { configWithDefaults } from "../lib/config";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";

interface StalenessConfig {
    maxStalenessSeconds: number;
}

const DEFAULTS: StalenessConfig = { maxStalenessSeconds: 60 };

/** What would bring staleness within the budget, given the health check already in place. */
function fixFor(input: StalenessInput, maxStalenessSeconds: number): string {
    const delay = healthDelaySeconds(input);
    const ttl = maxStalenessSeconds > delay
        ? `lower the TTL to ${maxStalenessSeconds - delay} s or less`
        : maxStalenessSeconds === delay
            ? "set the TTL to 0 s"
            : `no TTL fits, since the ${delay} s delay alone exceeds the budget: raise maxStalenessSeconds`;
    // Custom health is already the fastest way to drop a stopped task (and without any health
    // check ECS deregisters it just as fast), so only a Route 53 check has a faster alternative.
    return input.healthCheck === "route53"
        ? `Fix: ${ttl}, or lower healthCheckConfig.failureThreshold, or replace healthCheckConfig with ` +
            "healthCheckCustomConfig { failureThreshold: 1 } when ECS registers the instances."
        : `Fix: ${ttl}.`;
}

// After a task stops, Cloud Map needs about 30 s (custom health) or interval × threshold
// (Route 53) to drop it, and resolvers then cache the old answer for one TTL
// (API_HealthCheckCustomConfig). The sum is how long callers may still be sent to a dead task.
export const awsCloudmapServiceDiscoveryStaleness: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-discovery-staleness",
    description: "Warns when a Cloud Map service's TTL plus its health/deregistration delay exceeds maxStalenessSeconds, because callers keep reaching stopped tasks that long.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema({
        maxStalenessSeconds: {
            type: "integer",
            minimum: 0,
            default: DEFAULTS.maxStalenessSeconds,
            description: "Longest acceptable time, in seconds, between a task stopping and callers no longer discovering it.",
        },
    }),
    validateResource: (args, reportViolation) => {
        // Undefined for a service without DNS records: it has no TTL to wait out.
        const input = args.type === TYPES.cloudMapService ? stalenessInputOf(cloudMapServiceShape(args)) : undefined;
        if (input === undefined) {
            return;
        }
        const { maxStalenessSeconds } = configWithDefaults(args, DEFAULTS);
        const staleness = discoveryStalenessSeconds(input);
        if (staleness > maxStalenessSeconds) {
            reportViolation(
                `Callers may be sent to a stopped task for up to ${staleness} s (${healthDelaySeconds(input)} s ${input.healthCheck} ` +
                `health/deregistration delay + ${input.ttlSeconds} s TTL), above the ${maxStalenessSeconds} s budget. ` +
                fixFor(input, maxStalenessSeconds),
            );
        }
    },
};

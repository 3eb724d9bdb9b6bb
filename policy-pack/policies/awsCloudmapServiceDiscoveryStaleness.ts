import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { DnsRecordShape, discoveryStalenessSeconds, healthDelaySeconds, StalenessInput } from "../../components/rules";
import { configWithDefaults } from "../lib/config";
import { TYPES } from "../lib/resourceTypes";

interface StalenessConfig {
    maxStalenessSeconds: number;
}

const DEFAULTS: StalenessConfig = { maxStalenessSeconds: 60 };

function stalenessInput(props: ResourceValidationArgs["props"]): StalenessInput {
    const records: DnsRecordShape[] = props.dnsConfig?.dnsRecords ?? [];
    const ttlSeconds = Math.max(0, ...records.map((r) => r.ttl));
    if (props.healthCheckCustomConfig !== undefined) {
        return { ttlSeconds, healthCheck: "custom" };
    }
    if (props.healthCheckConfig !== undefined) {
        return { ttlSeconds, healthCheck: "route53", route53FailureThreshold: props.healthCheckConfig.failureThreshold };
    }
    return { ttlSeconds, healthCheck: "none" };
}

// After a task stops, Cloud Map needs about 30 s (custom health) or interval × threshold
// (Route 53) to drop it, and resolvers then cache the old answer for one TTL
// (API_HealthCheckCustomConfig). The sum is how long callers may still be sent to a dead task.
export const awsCloudmapServiceDiscoveryStaleness: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-discovery-staleness",
    description: "Warns when a Cloud Map service's TTL plus its health/deregistration delay exceeds maxStalenessSeconds, because callers keep reaching stopped tasks that long.",
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            maxStalenessSeconds: {
                type: "integer",
                minimum: 0,
                default: DEFAULTS.maxStalenessSeconds,
                description: "Longest acceptable time, in seconds, between a task stopping and callers no longer discovering it.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService || args.props.dnsConfig === undefined) {
            return;
        }
        const { maxStalenessSeconds } = configWithDefaults(args, DEFAULTS);
        const input = stalenessInput(args.props);
        const staleness = discoveryStalenessSeconds(input);
        if (staleness > maxStalenessSeconds) {
            reportViolation(
                `Callers may be sent to a stopped task for up to ${staleness} s (${healthDelaySeconds(input)} s ${input.healthCheck} ` +
                `health/deregistration delay + ${input.ttlSeconds} s TTL), above the ${maxStalenessSeconds} s budget. ` +
                "Fix: lower the TTL (10 s suits ECS tasks) or use healthCheckCustomConfig { failureThreshold: 1 }.",
            );
        }
    },
};

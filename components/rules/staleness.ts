import { CloudMapServiceShape } from "./cloudMapShapes";
import { isRecord } from "./values";

/**
 * How long a consumer can keep receiving an address after the task behind it stopped.
 *
 * - ECS-managed custom health (`healthCheckCustomConfig`): ECS marks the instance unhealthy
 *   or deregisters it when the task stops, and Cloud Map waits about 30 seconds before it
 *   acts on the change (API_HealthCheckCustomConfig).
 * - Route 53 health checks: `requestInterval × failureThreshold` (defaults 30 s × 3).
 * - No health check: the record goes when ECS deregisters the task, assumed 30 seconds.
 * In every case resolvers may then cache the old answer for one TTL.
 */
export const CUSTOM_HEALTH_DELAY_SECONDS = 30;
export const DEREGISTRATION_DELAY_SECONDS = 30;

export interface StalenessInput {
    readonly ttlSeconds: number;
    readonly healthCheck: "custom" | "route53" | "none";
    readonly route53RequestInterval?: number;
    readonly route53FailureThreshold?: number;
}

/** The detection delay before the record changes, in seconds. */
export function healthDelaySeconds(input: StalenessInput): number {
    switch (input.healthCheck) {
        case "custom":
            return CUSTOM_HEALTH_DELAY_SECONDS;
        case "route53":
            return (input.route53RequestInterval ?? 30) * (input.route53FailureThreshold ?? 3);
        case "none":
            return DEREGISTRATION_DELAY_SECONDS;
    }
}

/** Worst-case staleness: detection delay plus one TTL of resolver caching. */
export function discoveryStalenessSeconds(input: StalenessInput): number {
    return healthDelaySeconds(input) + input.ttlSeconds;
}

/**
 * The staleness inputs of a Cloud Map service, or `undefined` for a service without DNS
 * records (API-only services have no TTL: callers see a change on their next
 * DiscoverInstances call). A custom health config wins over a Route 53 one, since the two
 * cannot coexist and ECS-managed registration is the one that reports task stops.
 */
export function stalenessInputOf(service: CloudMapServiceShape): StalenessInput | undefined {
    // Only numeric TTLs: a record without one is the DNS record rules' to report, not a staleness.
    const records: unknown = service.dnsConfig?.dnsRecords;
    const ttls = Array.isArray(records) ? records.map((r: unknown) => (isRecord(r) ? r.ttl : undefined)).filter((t) => typeof t === "number") : [];
    if (ttls.length === 0) {
        return undefined;
    }
    const ttlSeconds = Math.max(...ttls);
    if (service.healthCheckCustomConfig !== undefined) {
        return { ttlSeconds, healthCheck: "custom" };
    }
    if (service.healthCheckConfig !== undefined) {
        const threshold = service.healthCheckConfig.failureThreshold;
        // Cloud Map's Route 53 health checks run every 30 s (API_HealthCheckConfig).
        return { ttlSeconds, healthCheck: "route53", route53RequestInterval: 30, route53FailureThreshold: typeof threshold === "number" ? threshold : undefined };
    }
    return { ttlSeconds, healthCheck: "none" };
}

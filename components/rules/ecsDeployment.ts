import { Finding } from "./finding";
import { keyPath } from "./paths";
import { describeValue, isRecord } from "./values";

// Fargate platform versions (Linux): LATEST or a released version such as 1.4.0. ECS Exec and
// Service Connect need 1.4.0 or later ("Fargate Linux platform versions", "Monitor Amazon ECS
// containers with ECS Exec", "Service Connect considerations").
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
const PLATFORM_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;

/** What needs a recent platform version, for the message. */
export interface PlatformNeeds {
    readonly executeCommand?: boolean;
    readonly serviceConnect?: boolean;
}

function olderThan(version: string, minimum: readonly [number, number, number]): boolean {
    const parts = version.split(".").map(Number);
    for (let i = 0; i < 3; i++) {
        if (parts[i] !== minimum[i]) {
            return parts[i] < minimum[i];
        }
    }
    return false;
}

/** Checks a Fargate platform version, and that it supports the features the service uses. */
export function checkPlatformVersion(version: unknown, needs: PlatformNeeds, path: string): Finding[] {
    const rule = "ecs-platform-version";
    if (typeof version !== "string" || !PLATFORM_VERSION.test(version)) {
        return [{ rule, path, message: `${describeValue(version)} is not a Fargate platform version.`, fix: 'Use "LATEST" or a version such as "1.4.0".' }];
    }
    const features = [...(needs.executeCommand === true ? ["ECS Exec"] : []), ...(needs.serviceConnect === true ? ["Service Connect"] : [])];
    if (version !== "LATEST" && features.length > 0 && olderThan(version, [1, 4, 0])) {
        return [{ rule, path, message: `Platform version ${version} does not support ${features.join(" or ")}, which need 1.4.0 or later (ECS developer guide).`, fix: 'Use "LATEST" or "1.4.0".' }];
    }
    return [];
}

// DeploymentCircuitBreaker: `enable` and `rollback` are both required booleans; rollback only
// happens when the breaker is enabled and trips.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
export function checkCircuitBreaker(breaker: unknown, path: string): Finding[] {
    const rule = "ecs-deployment-circuit-breaker";
    if (!isRecord(breaker)) {
        return [{ rule, path, message: `${describeValue(breaker)} is not a circuit breaker setting.`, fix: "Pass { enable, rollback }." }];
    }
    const findings: Finding[] = [];
    for (const key of ["enable", "rollback"] as const) {
        if (typeof breaker[key] !== "boolean") {
            findings.push({ rule, path: keyPath(path, key), message: `Must be true or false, not ${describeValue(breaker[key])} (ECS API, DeploymentCircuitBreaker).`, fix: "Set both enable and rollback." });
        }
    }
    if (breaker.enable === false && breaker.rollback === true) {
        findings.push({ rule, path: keyPath(path, "rollback"), message: "Rollback only happens when the circuit breaker is enabled and trips; with it disabled a failed deployment keeps retrying.", fix: "Enable the circuit breaker, or turn rollback off." });
    }
    return findings;
}

import { at, Finding } from "./finding";

// ECS container HealthCheck (API_HealthCheck, RegisterTaskDefinition): the command starts with
// CMD or CMD-SHELL; interval 5-300 s (default 30), timeout 2-60 s (default 5), retries 1-10
// (default 3), startPeriod 0-300 s (default none), all whole numbers.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
const RANGES = {
    intervalSeconds: { min: 5, max: 300 },
    timeoutSeconds: { min: 2, max: 60 },
    retries: { min: 1, max: 10 },
    startPeriodSeconds: { min: 0, max: 300 },
} as const;

/** The container health check as the components take it. */
export interface ContainerHealthCheckShape {
    readonly command?: unknown;
    readonly intervalSeconds?: unknown;
    readonly timeoutSeconds?: unknown;
    readonly retries?: unknown;
    readonly startPeriodSeconds?: unknown;
}

/** Checks a container health check against ECS's limits. */
export function checkContainerHealthCheck(healthCheck: ContainerHealthCheckShape, path: string): Finding[] {
    const rule = "ecs-container-health-check";
    const findings: Finding[] = [];
    const command = healthCheck.command;
    if (!Array.isArray(command) || command.length < 2 || !command.every((part) => typeof part === "string") ||
        !["CMD", "CMD-SHELL"].includes(command[0] as string)) {
        findings.push({
            rule,
            path: at(path, "command"),
            message: "The health check command must be a list that starts with \"CMD\" (run the rest directly) or \"CMD-SHELL\" (run it with the image's shell), followed by the command.",
            fix: 'Use e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"].',
        });
    }
    for (const [key, { min, max }] of Object.entries(RANGES)) {
        const value = healthCheck[key as keyof typeof RANGES];
        if (value !== undefined && (!Number.isInteger(value) || (value as number) < min || (value as number) > max)) {
            findings.push({
                rule,
                path: at(path, key),
                message: `${JSON.stringify(value)} is outside ECS's range for it: a whole number from ${min} to ${max}.`,
                fix: `Use a whole number from ${min} to ${max}.`,
            });
        }
    }
    const interval = healthCheck.intervalSeconds ?? 30;
    const timeout = healthCheck.timeoutSeconds ?? 5;
    if (typeof interval === "number" && typeof timeout === "number" && timeout > interval) {
        findings.push({
            rule,
            path: at(path, "timeoutSeconds"),
            message: `A ${timeout} s timeout is longer than the ${interval} s interval between checks, so a slow check overlaps the next one.`,
            fix: "Make the timeout shorter than the interval.",
        });
    }
    return findings;
}

import { Finding } from "./finding";
import { keyPath } from "./paths";
import { checkWholeNumber, describeValue, isRecord } from "./values";

// ECS container HealthCheck (API_HealthCheck, RegisterTaskDefinition): the command starts with
// CMD or CMD-SHELL; interval 5-300 s (default 30), timeout 2-60 s (default 5), retries 1-10
// (default 3), startPeriod 0-300 s (default none), all whole numbers.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
const SETTINGS = [
    { key: "intervalSeconds", what: "The interval between checks", min: 5, max: 300 },
    { key: "timeoutSeconds", what: "The check timeout", min: 2, max: 60 },
    { key: "retries", what: "The number of retries", min: 1, max: 10 },
    { key: "startPeriodSeconds", what: "The start period", min: 0, max: 300 },
] as const;
const SOURCE = "ECS API, HealthCheck";

/** Checks a container health check (as the components take it: seconds in the setting names) against ECS's limits. */
export function checkContainerHealthCheck(healthCheck: unknown, path: string): Finding[] {
    const rule = "ecs-container-health-check";
    if (!isRecord(healthCheck)) {
        return [{ rule, path, message: `${describeValue(healthCheck)} is not a health check.`, fix: 'Pass { command: ["CMD-SHELL", "..."] } and optional timings.' }];
    }
    const findings: Finding[] = [];
    const command = healthCheck.command;
    if (!Array.isArray(command) || command.length < 2 || !command.every((part) => typeof part === "string") || !["CMD", "CMD-SHELL"].includes(command[0])) {
        findings.push({
            rule,
            path: keyPath(path, "command"),
            message: `The command must be a list that starts with "CMD" (run the rest directly) or "CMD-SHELL" (run it with the image's shell), followed by the command (${SOURCE}).`,
            fix: 'Use e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"].',
        });
    }
    for (const { key, what, min, max } of SETTINGS) {
        if (healthCheck[key] !== undefined) {
            findings.push(...checkWholeNumber(healthCheck[key], { min, max }, { rule, what, source: SOURCE, fix: `Use a whole number from ${min} to ${max}.` }, keyPath(path, key)));
        }
    }
    const interval = healthCheck.intervalSeconds ?? 30;
    const timeout = healthCheck.timeoutSeconds ?? 5;
    if (typeof interval === "number" && typeof timeout === "number" && timeout > interval) {
        findings.push({
            rule,
            path: keyPath(path, "timeoutSeconds"),
            message: `A ${timeout} s timeout is longer than the ${interval} s between checks, so a slow check overlaps the next one.`,
            fix: "Make the timeout shorter than the interval.",
        });
    }
    return findings;
}

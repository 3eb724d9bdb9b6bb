import { at, Finding } from "./finding";
import { keyPath } from "./paths";
import { characterCount, checkWholeNumber, describeValue, entriesOf, isRecord, kindOf } from "./values";

// https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html:
// - Type: required, HTTP | HTTPS | TCP (enum values are case-sensitive);
// - ResourcePath: at most 255 characters, and "If you specify TCP for Type, you must not specify
//   a value for ResourcePath";
// - FailureThreshold: Integer, 1 to 10.
// The @pulumi/aws schema (servicediscovery ServiceHealthCheckConfig) has the same three
// fields, named type, resourcePath and failureThreshold.
const SOURCE = "Cloud Map API, HealthCheckConfig";
const TYPES = ["HTTP", "HTTPS", "TCP"];
const MAX_RESOURCE_PATH = 255;
const SETTINGS = new Set(["type", "resourcePath", "failureThreshold"]);

/**
 * Checks the settings of a Route 53 health check for a Cloud Map service (what the provider
 * calls `healthCheckConfig`): the type is required and exact, TCP checks take no path, the
 * path fits 255 characters, the threshold is a whole number from 1 to 10, and nothing else is
 * set (a misspelt setting would otherwise be dropped without a word).
 */
export function checkRoute53HealthCheckConfig(config: unknown, path: string): Finding[] {
    if (!isRecord(config)) {
        return [{
            rule: "cloudmap-health-check-type",
            path,
            message: `The Route 53 health check is ${kindOf(config)}; it must be an object with at least its type (${SOURCE}).`,
            fix: "Pass an object with the check's type (HTTP, HTTPS or TCP) and, for HTTP and HTTPS, the path to request.",
        }];
    }
    const findings: Finding[] = [];
    const type = config.type;
    if (type === undefined) {
        findings.push({
            rule: "cloudmap-health-check-type",
            path: at(path, "type"),
            message: `The Route 53 health check has no type; AWS requires one of ${TYPES.join(", ")} (${SOURCE}).`,
            fix: 'Set the type, e.g. "HTTP".',
        });
    } else if (typeof type !== "string" || !TYPES.includes(type)) {
        const near = typeof type === "string" && TYPES.includes(type.toUpperCase()) ? ` Types are case-sensitive: use "${type.toUpperCase()}".` : "";
        findings.push({
            rule: "cloudmap-health-check-type",
            path: at(path, "type"),
            message: `${describeValue(type)} is not a Route 53 health check type; AWS accepts exactly ${TYPES.join(", ")} (${SOURCE}).${near}`,
            fix: `Use one of ${TYPES.join(", ")}, in capitals.`,
        });
    }
    const resourcePath = config.resourcePath;
    if (resourcePath !== undefined) {
        if (type === "TCP") {
            findings.push({
                rule: "cloudmap-health-check-resource-path",
                path: at(path, "resourcePath"),
                message: `A TCP health check only opens a connection, so AWS refuses a request path with it (${SOURCE}).`,
                fix: "Remove the path, or use an HTTP or HTTPS check.",
            });
        } else if (typeof resourcePath !== "string" || characterCount(resourcePath) > MAX_RESOURCE_PATH) {
            findings.push({
                rule: "cloudmap-health-check-resource-path",
                path: at(path, "resourcePath"),
                message: typeof resourcePath !== "string"
                    ? `The health check path is ${kindOf(resourcePath)}; it must be text (${SOURCE}).`
                    : `The health check path is ${characterCount(resourcePath)} characters long; AWS accepts at most ${MAX_RESOURCE_PATH} (${SOURCE}).`,
                fix: 'Use a short path such as "/health".',
            });
        }
    }
    if (config.failureThreshold !== undefined) {
        findings.push(...checkWholeNumber(config.failureThreshold, { min: 1, max: 10 }, {
            rule: "cloudmap-health-check-failure-threshold",
            what: "The failure threshold",
            source: SOURCE,
            fix: "Use a whole number of failed checks from 1 to 10 (each check is 30 s apart).",
        }, at(path, "failureThreshold")));
    }
    for (const [key] of entriesOf(config).filter(([key]) => !SETTINGS.has(key))) {
        findings.push({
            rule: "cloudmap-health-check-setting",
            path: keyPath(path, key),
            message: `${describeValue(key)} is not a setting of a Route 53 health check, which has a type, a path and a failure threshold (${SOURCE}).`,
            fix: "Remove it, or correct its spelling.",
        });
    }
    return findings;
}

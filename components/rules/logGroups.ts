import { Finding } from "./finding";
import { describeValue, kindOf } from "./values";

// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html:
// retentionInDays "Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
// 731, 1096, 1827, 2192, 2557, 2922, 3288, and 3653". The @pulumi/aws LogGroup schema adds 0:
// "If you select 0, the events in the log group are always retained and never expire."
export const LOG_RETENTION_DAYS: readonly number[] = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Checks a log group's retention: one of the day counts CloudWatch Logs offers, as a number. */
export function checkLogRetentionDays(days: unknown, path = "retentionInDays"): Finding[] {
    if (typeof days === "number" && LOG_RETENTION_DAYS.includes(days)) {
        return [];
    }
    const nearest = typeof days === "number" && Number.isFinite(days)
        ? LOG_RETENTION_DAYS.filter((d) => d >= days)[0] ?? LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1]
        : 14;
    return [{
        rule: "logs-retention-days",
        path,
        message: `A retention of ${typeof days === "number" ? `${days} days` : kindOf(days)} is not one CloudWatch Logs offers; it keeps logs for ` +
            `${LOG_RETENTION_DAYS.slice(1).join(", ")} days, or forever with 0 (CloudWatch Logs API, PutRetentionPolicy).`,
        fix: `Use one of those numbers, e.g. ${nearest}.`,
    }];
}

// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html:
// logGroupName of 1-512 characters, pattern [\.\-_/#A-Za-z0-9]+.
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** Checks a log group name, e.g. one the components compose from the stack and service names. */
export function checkLogGroupName(name: unknown, path = "logGroupName"): Finding[] {
    if (typeof name === "string" && LOG_GROUP_NAME.test(name)) {
        return [];
    }
    const detail = typeof name === "string" && name.length > 512 ? `it has ${name.length} characters` : `got ${describeValue(name)}`;
    return [{
        rule: "logs-log-group-name",
        path,
        message: `A log group name is 1-512 letters, digits and . - _ / #; ${detail} (CloudWatch Logs API, CreateLogGroup).`,
        fix: "Use only those characters and keep the name under 512 characters.",
    }];
}

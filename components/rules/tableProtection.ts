import { Finding } from "./finding";
import { isRecord } from "./values";

/** The protection settings of a DynamoDB table (`@pulumi/aws` input names). */
export interface TableProtectionShape {
    readonly pointInTimeRecovery?: { readonly enabled?: boolean };
    readonly deletionProtectionEnabled?: boolean;
}

/**
 * A table that other services discover is shared state: losing it breaks every consumer,
 * so it needs point-in-time recovery and deletion protection.
 */
export function checkTableProtection(table: unknown, path = ""): Finding[] {
    const findings: Finding[] = [];
    const prefix = path ? `${path}.` : "";
    const settings: TableProtectionShape = isRecord(table) ? table : {};
    const pointInTimeRecovery: unknown = settings.pointInTimeRecovery;
    if (!isRecord(pointInTimeRecovery) || pointInTimeRecovery.enabled !== true) {
        findings.push({
            rule: "dynamodb-point-in-time-recovery",
            path: `${prefix}pointInTimeRecovery.enabled`,
            message: "Point-in-time recovery is off, so a bad write or delete cannot be undone.",
            fix: "Turn on point-in-time recovery for the table.",
        });
    }
    if (settings.deletionProtectionEnabled !== true) {
        findings.push({
            rule: "dynamodb-deletion-protection",
            path: `${prefix}deletionProtectionEnabled`,
            message: "Deletion protection is off, so one DeleteTable call removes the table every consumer discovers.",
            fix: "Turn on deletion protection for the table.",
        });
    }
    return findings;
}

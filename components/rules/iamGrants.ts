import { at, Finding } from "./finding";

/**
 * Actions that AWS only authorises on `"Resource": "*"` (no resource-level permissions,
 * per the Service Authorization Reference), so `*` is not a sign of over-granting for them.
 */
const RESOURCELESS_ACTIONS = new Set([
    "servicediscovery:discoverinstances",
    "servicediscovery:discoverinstancesrevision",
    "servicediscovery:listnamespaces",
    "servicediscovery:listservices",
    "servicediscovery:listoperations",
    "servicediscovery:getoperation",
    "dynamodb:listtables",
    "dynamodb:describelimits",
    "dynamodb:describeendpoints",
    "ecr:getauthorizationtoken",
    "xray:puttracesegments",
    "xray:puttelemetryrecords",
    "cloudwatch:putmetricdata",
    "ssmmessages:createcontrolchannel",
    "ssmmessages:createdatachannel",
    "ssmmessages:opencontrolchannel",
    "ssmmessages:opendatachannel",
]);

/** DiscoverInstances can only be narrowed with these condition keys (Service Authorization Reference, Cloud Map). */
export const DISCOVERY_CONDITION_KEYS = ["servicediscovery:namespacename", "servicediscovery:servicename"];

interface Statement {
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
}

function list(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function conditionKeys(statement: Statement): string[] {
    return Object.values(statement.Condition ?? {}).flatMap((operator) => Object.keys(operator ?? {}).map((k) => k.toLowerCase()));
}

/** Parses an IAM policy document given as JSON text or as an object. */
export function parsePolicyDocument(document: unknown): Statement[] {
    const parsed = typeof document === "string" ? JSON.parse(document) : document;
    const statements = (parsed as { Statement?: Statement | Statement[] } | undefined)?.Statement;
    return statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
}

/**
 * Finds grants broader than a task needs: `*` actions, service-wide wildcards such as
 * `servicediscovery:*` or `dynamodb:*`, `Resource: "*"` on actions that can be scoped to
 * an ARN, `NotAction`/`NotResource` allows, and DiscoverInstances without the
 * namespace/service condition keys that are its only way to be scoped.
 */
export function findOverbroadGrants(document: unknown, path = "policy"): Finding[] {
    const findings: Finding[] = [];
    parsePolicyDocument(document).forEach((statement, i) => {
        if (statement.Effect !== "Allow") {
            return;
        }
        const spath = at(path, `Statement[${i}]`);
        if (statement.NotAction !== undefined || statement.NotResource !== undefined) {
            findings.push({
                rule: "iam-least-privilege",
                path: spath,
                message: "An Allow with NotAction or NotResource grants everything not listed.",
                fix: "List the actions and resources the task uses instead.",
            });
            return;
        }
        const actions = list(statement.Action);
        const resources = list(statement.Resource);
        for (const action of actions) {
            if (action === "*" || /^[a-z0-9-]+:\*$/i.test(action)) {
                findings.push({
                    rule: "iam-least-privilege",
                    path: at(spath, "Action"),
                    message: `"${action}" grants every action of ${action === "*" ? "every service" : action.split(":")[0]}.`,
                    fix: "List the specific actions, e.g. dynamodb:GetItem and dynamodb:Query, or servicediscovery:DiscoverInstances.",
                });
            }
        }
        if (resources.includes("*")) {
            const scopable = actions.filter((a) => a !== "*" && !/:\*$/.test(a) && !RESOURCELESS_ACTIONS.has(a.toLowerCase()));
            if (scopable.length > 0) {
                findings.push({
                    rule: "iam-least-privilege",
                    path: at(spath, "Resource"),
                    message: `${scopable.join(", ")} on "*" although these actions can be scoped to resource ARNs.`,
                    fix: "Name the ARNs (e.g. the table ARN and its indexes) instead of \"*\".",
                });
            }
        }
        const discovers = actions.filter((a) => a.toLowerCase().startsWith("servicediscovery:discoverinstances"));
        if (discovers.length > 0 && !conditionKeys(statement).some((k) => DISCOVERY_CONDITION_KEYS.includes(k))) {
            findings.push({
                rule: "iam-discovery-scoped",
                path: at(spath, "Condition"),
                message: "DiscoverInstances is granted on every namespace and service.",
                fix: "Add a Condition on servicediscovery:NamespaceName and servicediscovery:ServiceName.",
            });
        }
    });
    return findings;
}

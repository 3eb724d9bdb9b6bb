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

/** True when an action name is a pattern (`*`, `dynamodb:*`, `dynamodb:Get*`, `servicediscovery:*Instance*`). */
function isWildcardAction(action: string): boolean {
    return /[*?]/.test(action);
}

/** What a wildcard action grants, in words. */
function wildcardActionMessage(action: string): string {
    if (action === "*") {
        return '"*" grants every action of every service.';
    }
    const [service, name] = action.split(":");
    if (name === "*") {
        return `"${action}" grants every action of ${service}.`;
    }
    const of = isWildcardAction(service) ? "" : `${service} `;
    return `"${action}" matches every ${of}action that fits the pattern, including actions AWS adds later.`;
}

/**
 * What a resource pattern covers when a wildcard stands for the resource's name, or undefined
 * when it names resources. `"*"`, an ARN whose resource part is `*` (`arn:aws:dynamodb:*:*:*`)
 * and one whose name after the resource type is `*` (`table/*`, `service/*`, `function:*`, also
 * with more below it) are wildcards; a wildcard inside a name (`table/orders-*`) or below a named
 * resource (`table/UserAuth/index/*`, how the components grant a table's indexes) is scoped.
 */
export function wildcardResourceScope(resource: string): string | undefined {
    if (resource === "*") {
        return "every resource";
    }
    const parts = resource.split(":");
    if (parts[0] !== "arn" || parts.length < 6) {
        return undefined;
    }
    const service = parts[2];
    const segments = parts.slice(5).join(":").split(/[/:]/);
    const isWildcard = (segment: string | undefined): boolean => segment !== undefined && /^\*+$/.test(segment);
    if (isWildcard(segments[0])) {
        return service === "*" ? "every resource" : `every ${service} resource`;
    }
    // S3 resource parts have no type: `bucket/*` is every object of one bucket.
    return service !== "s3" && isWildcard(segments[1]) ? `every ${segments[0]}` : undefined;
}

/**
 * Finds grants broader than a task needs: action wildcards (`*`, `servicediscovery:*`,
 * `dynamodb:Get*`), scopable actions on `"*"` or on an ARN that leaves the resource's name to a
 * wildcard (`table/*`), `NotAction`/`NotResource` allows, and DiscoverInstances without the
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
        for (const action of actions.filter(isWildcardAction)) {
            findings.push({
                rule: "iam-least-privilege",
                path: at(spath, "Action"),
                message: wildcardActionMessage(action),
                fix: "List the specific actions, e.g. dynamodb:GetItem and dynamodb:Query, or servicediscovery:DiscoverInstances.",
            });
        }
        // A wildcard action is reported above; whether it could be scoped depends on what it matches.
        const scopable = actions.filter((a) => !isWildcardAction(a) && !RESOURCELESS_ACTIONS.has(a.toLowerCase()));
        const broad = list(statement.Resource).flatMap((resource) => {
            const scope = typeof resource === "string" ? wildcardResourceScope(resource) : undefined;
            return scope === undefined ? [] : [resource === "*" ? '"*"' : `"${resource}" (${scope})`];
        });
        if (scopable.length > 0 && broad.length > 0) {
            findings.push({
                rule: "iam-least-privilege",
                path: at(spath, "Resource"),
                message: `${scopable.join(", ")} on ${broad.join(", ")} although these actions can be scoped to resource ARNs.`,
                fix: 'Name the ARNs instead of a wildcard (e.g. the table ARN, and "<table ARN>/index/*" for its indexes).',
            });
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

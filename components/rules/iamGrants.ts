import { at, Finding } from "./finding";
import { RESOURCELESS_ACTIONS } from "./resourcelessActions";

/** Actions that AWS authorises only on `"Resource": "*"`, lower-cased (action names are case-insensitive). */
const RESOURCELESS = new Set(RESOURCELESS_ACTIONS.map((a) => a.action.toLowerCase()));

/**
 * DiscoverInstances and DiscoverInstancesRevision. Since cross-account namespace sharing, the
 * Service Authorization Reference lists the namespace and the service as their required resource
 * types, besides the servicediscovery:NamespaceName / ServiceName condition keys
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html):
 * a grant is scoped either by naming the namespace and service ARNs or, on `*`, by those conditions.
 */
const DISCOVERY_ACTIONS = new Set(["servicediscovery:discoverinstances", "servicediscovery:discoverinstancesrevision"]);

/** The condition keys that scope DiscoverInstances on `*`, lower-cased (condition keys are case-insensitive). */
export const DISCOVERY_CONDITION_KEYS = ["servicediscovery:namespacename", "servicediscovery:servicename"];

/**
 * A statement as written. Policy documents come from anywhere (a program, a JSON string), so every
 * field is read as unknown: a value of the wrong type is ignored rather than trusted, and IAM
 * rejects such a document anyway (MalformedPolicyDocument).
 */
type Statement = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The strings of a string-or-list field (Action, Resource); entries of another type are skipped. */
function strings(value: unknown): string[] {
    const values = Array.isArray(value) ? value : [value];
    return values.filter((v): v is string => typeof v === "string");
}

/** The condition keys a statement tests, lower-cased. */
function conditionKeys(statement: Statement): string[] {
    const condition = statement.Condition;
    if (!isObject(condition)) {
        return [];
    }
    return Object.values(condition).flatMap((operator) => (isObject(operator) ? Object.keys(operator).map((k) => k.toLowerCase()) : []));
}

/**
 * The statements of an IAM policy document given as JSON text or as an object, each with its index
 * in the document. `Statement` may be one statement or a list; entries that are not objects are
 * skipped. Throws SyntaxError for text that is not JSON.
 */
export function parsePolicyDocument(document: unknown): { statement: Statement; index: number }[] {
    const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
    const statements = isObject(parsed) ? parsed.Statement : undefined;
    const list: unknown[] = Array.isArray(statements) ? statements : [statements];
    return list.flatMap((statement, index) => (isObject(statement) ? [{ statement, index }] : []));
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
 * wildcard (`table/*`), `NotAction`/`NotResource` allows, and DiscoverInstances on every namespace
 * and service (neither namespace/service ARNs nor the NamespaceName/ServiceName conditions).
 * Actions without resource-level permissions ({@link RESOURCELESS_ACTIONS}) are fine on `"*"`.
 */
export function findOverbroadGrants(document: unknown, path = "policy"): Finding[] {
    const findings: Finding[] = [];
    for (const { statement, index } of parsePolicyDocument(document)) {
        if (statement.Effect !== "Allow") {
            continue;
        }
        const spath = at(path, `Statement[${index}]`);
        if ((statement.NotAction ?? null) !== null || (statement.NotResource ?? null) !== null) {
            findings.push({
                rule: "iam-least-privilege",
                path: spath,
                message: "An Allow with NotAction or NotResource grants everything not listed.",
                fix: "List the actions and resources the task uses instead.",
            });
            continue;
        }
        const actions = strings(statement.Action);
        for (const action of actions.filter(isWildcardAction)) {
            findings.push({
                rule: "iam-least-privilege",
                path: at(spath, "Action"),
                message: wildcardActionMessage(action),
                fix: "List the specific actions, e.g. dynamodb:GetItem and dynamodb:Query, or servicediscovery:DiscoverInstances.",
            });
        }
        const broad = strings(statement.Resource).flatMap((resource) => {
            const scope = wildcardResourceScope(resource);
            return scope === undefined ? [] : [resource === "*" ? '"*"' : `"${resource}" (${scope})`];
        });
        if (broad.length === 0) {
            continue;
        }
        // A wildcard action is reported above; whether it could be scoped depends on what it matches.
        const named = actions.filter((a) => !isWildcardAction(a) && !RESOURCELESS.has(a.toLowerCase()));
        const discovers = named.filter((a) => DISCOVERY_ACTIONS.has(a.toLowerCase()));
        const scopable = named.filter((a) => !DISCOVERY_ACTIONS.has(a.toLowerCase()));
        if (scopable.length > 0) {
            findings.push({
                rule: "iam-least-privilege",
                path: at(spath, "Resource"),
                message: `${scopable.join(", ")} on ${broad.join(", ")} although these actions can be scoped to resource ARNs.`,
                fix: 'Name the ARNs instead of a wildcard (e.g. the table ARN, and "<table ARN>/index/*" for its indexes).',
            });
        }
        if (discovers.length > 0 && !conditionKeys(statement).some((k) => DISCOVERY_CONDITION_KEYS.includes(k))) {
            findings.push({
                rule: "iam-discovery-scoped",
                path: at(spath, "Resource"),
                message: `${discovers.join(", ")} on ${broad.join(", ")} discovers every namespace and service.`,
                fix: "Name the namespace and service ARNs in Resource, or add a Condition on servicediscovery:NamespaceName and servicediscovery:ServiceName.",
            });
        }
    }
    return findings;
}

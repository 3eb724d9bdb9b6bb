import { namespaceKindOfType } from "../../../components/rules";
import { ResourceGraph } from "../../resourceGraph";
import { namespaceNameOf } from "../dnsRecords";
import { GrantStatement, RoleGrants } from "./grants";
import { attribute } from "./references";
import { TYPES } from "./resourceTypes";

/** A service a role may look up with DiscoverInstances; `*` stands for any. */
export interface Resolvable {
    readonly namespace: string;
    readonly service: string;
    /**
     * What narrows it: `arn`, Cloud Map namespace and service ARNs in `Resource`; `condition`, the
     * servicediscovery:NamespaceName / ServiceName condition keys. Empty: every service.
     */
    readonly scopedBy: readonly ("arn" | "condition")[];
    /** The Cloud Map service of this stack it names, when there is one. */
    readonly serviceUrn?: string;
    /** The policy that grants it. */
    readonly policy: string;
}

/** What a role may resolve, and the policies whose contents the plan cannot see. */
export interface DiscoveryAccess {
    readonly resolvable: readonly Resolvable[];
    /** Policies that may grant more (documents secret, unknown until deploy, or outside the stack). */
    readonly undetermined: readonly string[];
}

const DISCOVER = "servicediscovery:discoverinstances";

/**
 * What `grants` lets its role resolve through DiscoverInstances. The Service Authorization
 * Reference lists the namespace and the service as the action's required resource types and
 * servicediscovery:NamespaceName / ServiceName as its condition keys ("Actions, resources, and
 * condition keys for AWS Cloud Map":
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html), so a
 * statement grants a service when its `Resource` covers both the service and its namespace and
 * its conditions hold. Deny statements are not subtracted; the report lists what is allowed.
 */
export function discoveryAccessOf(grants: RoleGrants, graph: ResourceGraph): DiscoveryAccess {
    const resolvable: Resolvable[] = [];
    const undetermined: string[] = [];
    for (const policy of grants.policies) {
        if (policy.document !== "plain") {
            undetermined.push(policy.kind === "aws-managed" ? `${policy.name} (AWS managed)` : policy.name);
            continue;
        }
        for (const statement of policy.statements.filter((s) => s.effect === "Allow" && allowsDiscover(s))) {
            resolvable.push(...resolvableBy(statement, graph).map((r) => ({ ...r, policy: policy.name })));
        }
    }
    return { resolvable: unique(resolvable), undetermined };
}

function allowsDiscover(statement: GrantStatement): boolean {
    return statement.notActions !== undefined
        ? !statement.notActions.some((pattern) => globMatches(pattern, DISCOVER))
        : statement.actions.some((pattern) => globMatches(pattern, DISCOVER));
}

/** IAM wildcard matching of action names and StringLike values: case-insensitive, `*` any run of characters, `?` one. */
function globMatches(pattern: string, value: string): boolean {
    const regex = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return regex.test(value.toLowerCase());
}

/** The values a statement's String conditions allow for `key`, or undefined when it sets none. */
function conditionValues(statement: GrantStatement, key: string): string[] | undefined {
    const found = statement.conditions.filter((c) => c.key.toLowerCase() === key && /^String(Equals|Like)(IgnoreCase)?$/.test(c.operator));
    return found.length === 0 ? undefined : found.flatMap((c) => c.values);
}

/** True when a condition's values (exact names or StringLike patterns) allow `name`; no condition allows all. */
function allowedBy(values: readonly string[] | undefined, name: string): boolean {
    return values === undefined || name === "*" || values.some((v) => globMatches(v, name));
}

/** A Cloud Map ARN of `Resource`, read as a namespace or a service of the stack, or a wildcard. */
type ArnScope =
    | { readonly kind: "namespace"; readonly name: string }
    | { readonly kind: "service"; readonly namespace: string; readonly name: string; readonly urn?: string }
    | { readonly kind: "any-namespace" }
    | { readonly kind: "any-service" };

function arnScopes(resource: string, graph: ResourceGraph): ArnScope[] {
    if (resource === "*") {
        return [{ kind: "any-namespace" }, { kind: "any-service" }];
    }
    const parts = resource.split(":");
    if (parts[0] !== "arn" || (parts[2] !== "servicediscovery" && parts[2] !== "*")) {
        return []; // an ARN of another service grants no discovery
    }
    const [kind, id] = parts.slice(5).join(":").split("/");
    if (kind === "*" || id === "*") {
        return kind === "namespace" ? [{ kind: "any-namespace" }] : kind === "service" ? [{ kind: "any-service" }] : [{ kind: "any-namespace" }, { kind: "any-service" }];
    }
    if (kind === "service") {
        const service = graph.ofType(TYPES.cloudMapService).find((s) => attribute(s, "arn") === resource);
        return [service === undefined
            ? { kind: "service", namespace: "*", name: id ?? resource }
            : { kind: "service", namespace: namespaceNameOf(service, graph), name: String(service.inputs.name ?? service.name), urn: service.urn }];
    }
    if (kind === "namespace") {
        const namespace = graph.resources.find((r) => namespaceKindOfType(r.type) !== undefined && attribute(r, "arn") === resource);
        return [{ kind: "namespace", name: namespace === undefined ? id ?? resource : String(namespace.inputs.name ?? namespace.name) }];
    }
    return [];
}

function resolvableBy(statement: GrantStatement, graph: ResourceGraph): Omit<Resolvable, "policy">[] {
    const namespaceCondition = conditionValues(statement, "servicediscovery:namespacename");
    const serviceCondition = conditionValues(statement, "servicediscovery:servicename");
    const scopes = statement.resources.flatMap((r) => arnScopes(r, graph));
    const anyNamespace = scopes.some((s) => s.kind === "any-namespace");
    const namespaces = scopes.flatMap((s) => (s.kind === "namespace" ? [s.name] : []));
    const namespaceAllowed = (name: string): boolean => (anyNamespace || name === "*" || namespaces.includes(name)) && allowedBy(namespaceCondition, name);
    const byArn = scopes.some((s) => s.kind === "namespace" || s.kind === "service");
    const scopedBy = [...(byArn ? ["arn" as const] : []), ...(namespaceCondition !== undefined || serviceCondition !== undefined ? ["condition" as const] : [])];
    const out: Omit<Resolvable, "policy">[] = [];
    for (const scope of scopes) {
        if (scope.kind === "service" && namespaceAllowed(scope.namespace) && allowedBy(serviceCondition, scope.name)) {
            out.push({ namespace: scope.namespace, service: scope.name, scopedBy, ...(scope.urn === undefined ? {} : { serviceUrn: scope.urn }) });
        }
        if (scope.kind === "any-service") {
            const inNamespaces = anyNamespace ? namespaceCondition ?? ["*"] : namespaces.filter(namespaceAllowed);
            for (const namespace of inNamespaces) {
                for (const service of serviceCondition ?? ["*"]) {
                    out.push({ namespace, service, scopedBy, ...withServiceUrn(namespace, service, graph) });
                }
            }
        }
    }
    return out;
}

/** Links a name pair to the Cloud Map service of this stack it names. */
function withServiceUrn(namespace: string, service: string, graph: ResourceGraph): { serviceUrn?: string } {
    const match = graph.ofType(TYPES.cloudMapService).find((s) => String(s.inputs.name ?? s.name) === service && namespaceNameOf(s, graph) === namespace);
    return match === undefined ? {} : { serviceUrn: match.urn };
}

function unique(items: Resolvable[]): Resolvable[] {
    const seen = new Set<string>();
    return items.filter((item) => {
        const key = `${item.namespace}\u0000${item.service}\u0000${item.scopedBy.join(",")}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

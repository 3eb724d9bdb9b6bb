import { namespaceKindOfType } from "../../../components/rules";
import { ResourceGraph } from "../../resourceGraph";
import { namespaceNameOf } from "../dnsRecords";
import { GrantStatement, RoleGrants } from "./grants";
import { attribute } from "./references";

/** A service a role may look up with DiscoverInstances; `*` stands for any. */
export interface Resolvable {
    readonly namespace: string;
    readonly service: string;
    /**
     * `condition`: narrowed by the servicediscovery:NamespaceName / ServiceName condition keys;
     * `arn`: by the Cloud Map service or namespace ARN in `Resource`; `nothing`: every service.
     */
    readonly scopedBy: "condition" | "arn" | "nothing";
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
const CLOUD_MAP_SERVICE = "aws:servicediscovery/service:Service";

/**
 * What `grants` lets its role resolve through DiscoverInstances. The action takes either
 * scoping: condition keys servicediscovery:NamespaceName and servicediscovery:ServiceName, or
 * Cloud Map namespace and service ARNs in `Resource` (Service Authorization Reference, "Actions,
 * resources, and condition keys for AWS Cloud Map":
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html).
 * Deny statements are not subtracted; the report lists what is allowed.
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
        ? !statement.notActions.some((pattern) => matches(pattern, DISCOVER))
        : statement.actions.some((pattern) => matches(pattern, DISCOVER));
}

/** IAM action matching: case-insensitive, `*` any run of characters, `?` one character. */
function matches(pattern: string, action: string): boolean {
    const regex = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return regex.test(action);
}

function conditionValues(statement: GrantStatement, key: string): string[] | undefined {
    const found = statement.conditions.filter((c) => c.key.toLowerCase() === key && /^String(Equals|Like)(IgnoreCase)?$/.test(c.operator));
    return found.length === 0 ? undefined : found.flatMap((c) => c.values);
}

function resolvableBy(statement: GrantStatement, graph: ResourceGraph): Omit<Resolvable, "policy">[] {
    const namespaces = conditionValues(statement, "servicediscovery:namespacename");
    const services = conditionValues(statement, "servicediscovery:servicename");
    const scopedByCondition = namespaces !== undefined || services !== undefined;
    const out: Omit<Resolvable, "policy">[] = [];
    for (const resource of statement.resources) {
        const target = resource === "*" ? undefined : arnTarget(resource, graph);
        if (resource !== "*" && target === undefined) {
            continue; // an ARN of another service: it does not grant discovery
        }
        for (const namespace of namespaces ?? [target?.namespace ?? "*"]) {
            for (const service of services ?? [target?.service ?? "*"]) {
                const scopedBy = target !== undefined ? "arn" : scopedByCondition ? "condition" : "nothing";
                out.push({ namespace, service, scopedBy, ...withServiceUrn(namespace, service, target?.serviceUrn, graph) });
            }
        }
    }
    return out;
}

/** The namespace and service a Cloud Map ARN (or ARN pattern) names, looked up in the stack when it can be. */
function arnTarget(arn: string, graph: ResourceGraph): { namespace: string; service: string; serviceUrn?: string } | undefined {
    const parts = arn.split(":");
    if (parts[0] !== "arn" || (parts[2] !== "servicediscovery" && parts[2] !== "*")) {
        return undefined;
    }
    const resource = parts.slice(5).join(":");
    if (resource === "*") {
        return { namespace: "*", service: "*" };
    }
    const service = graph.ofType(CLOUD_MAP_SERVICE).find((s) => attribute(s, "arn") === arn);
    if (service !== undefined) {
        return { namespace: namespaceNameOf(service, graph), service: String(service.inputs.name ?? service.name), serviceUrn: service.urn };
    }
    const namespace = graph.resources.find((r) => namespaceKindOfType(r.type) !== undefined && attribute(r, "arn") === arn);
    if (namespace !== undefined) {
        return { namespace: String(namespace.inputs.name ?? namespace.name), service: "*" };
    }
    // An ARN of something outside the stack: show the id it names.
    const [kind, id] = resource.split("/");
    return kind === "service" ? { namespace: "*", service: id ?? resource } : kind === "namespace" ? { namespace: id ?? resource, service: "*" } : undefined;
}

/** Links a name pair to the Cloud Map service of this stack it names. */
function withServiceUrn(namespace: string, service: string, known: string | undefined, graph: ResourceGraph): { serviceUrn?: string } {
    if (known !== undefined) {
        return { serviceUrn: known };
    }
    const match = graph.ofType(CLOUD_MAP_SERVICE).find((s) => String(s.inputs.name ?? s.name) === service && namespaceNameOf(s, graph) === namespace);
    return match === undefined ? {} : { serviceUrn: match.urn };
}

function unique(items: Resolvable[]): Resolvable[] {
    const seen = new Set<string>();
    return items.filter((item) => {
        const key = `${item.namespace}\u0000${item.service}\u0000${item.scopedBy}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

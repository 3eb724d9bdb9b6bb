import { RecordedResource, ResourceGraph } from "../../resourceGraph";
import { containsUnknown, isUnknown, stringsIn } from "./values";

/** What a property refers to: resources of this stack, and literal values that name none of them. */
export interface References {
    readonly resources: readonly RecordedResource[];
    /** Literal ids, ARNs or names that match no resource of the stack (things created elsewhere). */
    readonly external: readonly string[];
    /** True when part of the value is not known yet and no resource of the stack accounts for it. */
    readonly unknown: boolean;
}

/** Which attribute of a resource a literal value may carry. */
export type ReferenceKey = "id" | "arn" | "name";

/**
 * The resources of `types` that `resource`'s `property` refers to. Values written out (ids,
 * ARNs or names, known in a plan) are matched against each candidate's; where part of the value
 * is not known yet (a preview), the property's dependencies stand in for it, since the engine
 * records them even when ids are unknown. Dependencies are recorded per top-level property, so
 * `pick` (e.g. `networkConfiguration` → its `securityGroups`) narrows only the literal match and
 * the dependencies are filtered by type.
 */
export function referencesVia(
    graph: ResourceGraph,
    resource: RecordedResource,
    property: string,
    types: readonly string[],
    options: { readonly pick?: (value: unknown) => unknown; readonly keys?: readonly ReferenceKey[] } = {},
): References {
    const value = options.pick === undefined ? resource.inputs[property] : options.pick(resource.inputs[property]);
    const byValue = indexOf(graph, types, options.keys ?? ["id"]);
    const found = new Set<RecordedResource>();
    const external: string[] = [];
    for (const literal of stringsIn(value)) {
        const match = byValue.get(literal);
        if (match === undefined) {
            external.push(literal);
        } else {
            found.add(match);
        }
    }
    const unknown = containsUnknown(value);
    const viaDependencies = unknown
        ? (resource.propertyDependencies[property] ?? []).map((urn) => graph.get(urn)).filter((r): r is RecordedResource => r !== undefined && types.includes(r.type))
        : [];
    viaDependencies.forEach((r) => found.add(r));
    return { resources: [...found], external, unknown: unknown && viaDependencies.length === 0 };
}

// Lookups by id, ARN or name, built once per graph and kind of reference: stacks of thousands
// of resources resolve every reference, so a scan per reference would be quadratic.
const indexes = new WeakMap<ResourceGraph, Map<string, ReadonlyMap<string, RecordedResource>>>();

function indexOf(graph: ResourceGraph, types: readonly string[], keys: readonly ReferenceKey[]): ReadonlyMap<string, RecordedResource> {
    const perGraph = indexes.get(graph) ?? new Map<string, ReadonlyMap<string, RecordedResource>>();
    indexes.set(graph, perGraph);
    const cacheKey = `${types.join(",")}|${keys.join(",")}`;
    let index = perGraph.get(cacheKey);
    if (index === undefined) {
        const built = new Map<string, RecordedResource>();
        for (const resource of graph.resources.filter((r) => types.includes(r.type))) {
            for (const key of keys) {
                const value = attribute(resource, key);
                if (value !== undefined && !built.has(value)) {
                    built.set(value, resource);
                }
            }
        }
        index = built;
        perGraph.set(cacheKey, index);
    }
    return index;
}

/** A resource's id, ARN or name as the provider reports it (outputs) or the program set it (inputs). */
export function attribute(resource: RecordedResource, key: ReferenceKey): string | undefined {
    const value = key === "id" ? resource.id : resource.outputs[key] ?? resource.inputs[key];
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/**
 * The name a reader knows a resource by: the `name` the program gave it, else its Pulumi name
 * (an auto-generated physical name would only show the mocks' random suffix).
 */
export function declaredName(resource: RecordedResource): string {
    const name = resource.inputs.name;
    return typeof name === "string" && !isUnknown(name) ? name : resource.name;
}

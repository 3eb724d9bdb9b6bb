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
    const keys = options.keys ?? ["id"];
    const candidates = graph.resources.filter((r) => types.includes(r.type));
    const found = new Set<RecordedResource>();
    const external: string[] = [];
    for (const literal of stringsIn(value)) {
        const match = candidates.find((candidate) => keys.some((key) => attribute(candidate, key) === literal));
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

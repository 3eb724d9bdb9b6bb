import { RecordedResource } from "../../engine/resourceGraph";

/**
 * Differences between the AWS resources of two recorded graphs, ignoring what parenting
 * changes: URNs, parents and component resources. Resources are matched by type and
 * logical name; each must have the same inputs, options and dependencies (dependencies
 * compared by the type and name they point at, since URNs differ). An empty list means
 * AWS would receive the same resources from both programs.
 */
export function customResourceDifferences(left: readonly RecordedResource[], right: readonly RecordedResource[]): string[] {
    const a = comparable(left);
    const b = comparable(right);
    const differences: string[] = [];
    for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const x = a.get(key);
        const y = b.get(key);
        if (x === undefined || y === undefined) {
            differences.push(`${key}: only in the ${x === undefined ? "second" : "first"} graph`);
            continue;
        }
        for (const field of Object.keys(x) as (keyof Comparable)[]) {
            if (x[field] !== y[field]) {
                differences.push(`${key}: ${field} differ:\n  ${x[field]}\n  ${y[field]}`);
            }
        }
    }
    return differences;
}

/** What must match, each field rendered as canonical JSON so comparison is string equality. */
interface Comparable {
    readonly inputs: string;
    readonly options: string;
    readonly dependencies: string;
    readonly propertyDependencies: string;
}

function comparable(resources: readonly RecordedResource[]): Map<string, Comparable> {
    const keyOf = new Map(resources.map((r) => [r.urn, `${r.type}::${r.name}`]));
    const refs = (urns: readonly string[]) => [...new Set(urns.map((urn) => keyOf.get(urn) ?? urn))].sort();
    const out = new Map<string, Comparable>();
    for (const r of resources) {
        if (!r.custom) {
            continue;
        }
        const key = `${r.type}::${r.name}`;
        if (out.has(key)) {
            throw new Error(`two resources are both ${key}; the comparison matches resources by type and name`);
        }
        out.set(key, {
            inputs: canonical(r.inputs),
            options: canonical({ ...r.options, deletedWith: r.options.deletedWith && refs([r.options.deletedWith]) }),
            dependencies: canonical(refs(r.dependencies)),
            propertyDependencies: canonical(Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, refs(urns)]))),
        });
    }
    return out;
}

/** JSON with object keys sorted: the provider does not care in which order keys were written. */
function canonical(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
            : v);
}

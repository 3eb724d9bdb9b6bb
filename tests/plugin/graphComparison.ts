import { customResourceDifferences } from "../../bench/lib/graphEquivalence";
import { RecordedResource } from "../../engine/resourceGraph";

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Differences between a graph built in-process by the TypeScript API and one a provider built
 * over gRPC: the AWS resources must match in inputs, options and dependencies (see
 * customResourceDifferences), and the component resources must form the same tree. The stack
 * resource is left out: in-process runs register it, a Construct is handed its URN.
 */
export function graphDifferences(typescript: readonly RecordedResource[], overGrpc: readonly RecordedResource[]): string[] {
    const expected = typescript.filter((r) => r.type !== STACK_TYPE);
    const actual = overGrpc.filter((r) => r.type !== STACK_TYPE);
    const expectedTree = componentTree(expected);
    const actualTree = componentTree(actual);
    return [
        ...customResourceDifferences(expected, actual),
        ...expectedTree.filter((c) => !actualTree.includes(c)).map((c) => `component only in the TypeScript graph: ${c}`),
        ...actualTree.filter((c) => !expectedTree.includes(c)).map((c) => `component only in the gRPC graph: ${c}`),
    ];
}

/** Each component as `type::name under <parent type::name, or the parent's URN when outside the graph>`. */
function componentTree(resources: readonly RecordedResource[]): string[] {
    const keyOf = new Map(resources.map((r) => [r.urn, `${r.type}::${r.name}`]));
    return resources
        .filter((r) => !r.custom)
        .map((r) => `${keyOf.get(r.urn)} under ${r.parent === undefined ? "nothing" : keyOf.get(r.parent) ?? r.parent}`)
        .sort();
}

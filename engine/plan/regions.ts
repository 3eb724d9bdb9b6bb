import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { isUnknown } from "../wireProperties";

/** Where a plan assumes the stack is when it sets no `aws:region`. */
export const DEFAULT_REGION = "us-east-1";

/**
 * The region an AWS resource is created in, as the AWS provider (v7) decides it: the
 * resource's own `region` argument, else its explicit provider's `region`, else the stack's
 * `aws:region`. Undefined while that is not known until deploy.
 */
export function regionOf(resource: RecordedResource, graph: ResourceGraph, stackRegion: string): string | undefined {
    const own = resource.inputs.region;
    if (isUnknown(own)) {
        return undefined;
    }
    if (typeof own === "string" && own !== "") {
        return own;
    }
    const ref = resource.options.provider;
    const provider = ref === undefined ? undefined : graph.get(ref.slice(0, ref.lastIndexOf("::")));
    if (provider?.type === "pulumi:providers:aws") {
        const region = provider.inputs.region;
        return isUnknown(region) ? undefined : typeof region === "string" && region !== "" ? region : stackRegion;
    }
    return stackRegion;
}

/** Every region the program's AWS resources are created in, sorted. */
export function regionsOf(graph: ResourceGraph, stackRegion: string): string[] {
    const regions = new Set<string>();
    for (const resource of graph.resources) {
        if (resource.custom && resource.type.startsWith("aws:")) {
            const region = regionOf(resource, graph, stackRegion);
            if (region !== undefined) {
                regions.add(region);
            }
        }
    }
    return [...regions].sort();
}

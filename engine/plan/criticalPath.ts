import { RecordedResource } from "../resourceGraph";
import { creationSecondsOf } from "./creationTimes";

export interface CriticalPath {
    /** Seconds until the last resource is created when everything independent runs in parallel. */
    readonly seconds: number;
    /** The chain of resources that takes that long, first created first. */
    readonly path: readonly RecordedResource[];
}

/**
 * The longest chain of creations through the dependency graph: the engine creates a
 * resource once everything it depends on exists and runs the rest in parallel, so this
 * chain bounds a fresh deployment's duration.
 */
export function criticalPath(
    resources: readonly RecordedResource[],
    secondsOf: (resource: RecordedResource) => number = creationSecondsOf,
): CriticalPath {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const children = new Map<string, RecordedResource[]>();
    for (const r of resources) {
        if (r.parent !== undefined) {
            children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
        }
    }
    // Depending on a component means waiting for everything inside it.
    const expand = (urn: string, seen: Set<string>): RecordedResource[] => {
        const r = byUrn.get(urn);
        if (r === undefined || seen.has(urn)) {
            return [];
        }
        seen.add(urn);
        return r.custom ? [r] : (children.get(urn) ?? []).flatMap((child) => expand(child.urn, seen));
    };
    const finish = new Map<string, { seconds: number; after?: RecordedResource }>();
    const finishOf = (r: RecordedResource, visiting: Set<string>): number => {
        const known = finish.get(r.urn);
        if (known !== undefined) {
            return known.seconds;
        }
        if (visiting.has(r.urn)) {
            throw new Error(`dependency cycle through ${r.urn}`);
        }
        visiting.add(r.urn);
        let start = 0;
        let after: RecordedResource | undefined;
        const seen = new Set<string>([r.urn]);
        for (const dep of dependencyUrns(r).flatMap((urn) => expand(urn, seen))) {
            const depFinish = finishOf(dep, visiting);
            if (after === undefined || depFinish > start) {
                start = depFinish;
                after = dep;
            }
        }
        visiting.delete(r.urn);
        const seconds = start + secondsOf(r);
        finish.set(r.urn, { seconds, after });
        return seconds;
    };

    let last: RecordedResource | undefined;
    let seconds = 0;
    for (const r of resources.filter((x) => x.custom)) {
        const s = finishOf(r, new Set());
        if (last === undefined || s > seconds) {
            last = r;
            seconds = s;
        }
    }
    const path: RecordedResource[] = [];
    for (let r = last; r !== undefined; r = finish.get(r.urn)?.after) {
        path.unshift(r);
    }
    return { seconds, path };
}

/** Everything a resource waits for: explicit `dependsOn` and every property's sources. */
function dependencyUrns(r: RecordedResource): string[] {
    return [...new Set([...r.dependencies, ...Object.values(r.propertyDependencies).flat()])];
}

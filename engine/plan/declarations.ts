import * as path from "path";
import { ResourceGraph, SourcePosition } from "../resourceGraph";
import { PACKAGE } from "./packageRoot";

/** The directories of this package's own code: a frame there is a component's or the engine's, never the user's line. */
const OWN_CODE = ["components", "dist", "engine", "policy-pack"].map((sub) => path.join(PACKAGE.root, sub) + path.sep);

/** True when a file is part of the program being planned, not of a library, a component or the plan itself. */
function isProgramFile(file: string, projectDir: string): boolean {
    return file.startsWith(path.resolve(projectDir) + path.sep) && !OWN_CODE.some((dir) => file.startsWith(dir));
}

/**
 * Where the program declared each resource: the innermost frame of its registration's call stack
 * that lies in the project (so a component's child points at the line that created the
 * component), or else its nearest ancestor's. Resources with no such frame (the stack itself,
 * or children created inside an `apply` of library code) are left out.
 */
export function declarationsOf(graph: ResourceGraph, projectDir: string): ReadonlyMap<string, SourcePosition> {
    const own = new Map<string, SourcePosition>();
    for (const resource of graph.resources) {
        const frame = resource.stackTrace?.find((f) => isProgramFile(f.file, projectDir));
        if (frame !== undefined) {
            own.set(resource.urn, frame);
        }
    }
    const declared = new Map<string, SourcePosition>();
    for (const resource of graph.resources) {
        const at = own.get(resource.urn) ?? graph.ancestorsOf(resource.urn).map((a) => own.get(a.urn)).find((f) => f !== undefined);
        if (at !== undefined) {
            declared.set(resource.urn, at);
        }
    }
    return declared;
}

import * as path from "path";
import { pathToFileURL } from "url";

// Frames inside this package's components point at the validation, not at the call to fix;
// frames inside the engine are the plan's own, never the user's.
const OWN_DIRS = ["components", "engine"].map((dir) => path.resolve(__dirname, "..", "..", dir) + path.sep);

/**
 * The program's own stack frame in `stack` (not the SDK's, a library's, a component's or the
 * plan's), so the user can jump to the line that failed: the first frame inside the project
 * directory, outside node_modules. Handles CommonJS paths and ES module `file://` URLs.
 */
export function programFrame(stack: string | undefined, projectDir: string): string | undefined {
    const roots = [projectDir + path.sep, pathToFileURL(projectDir).href + "/"];
    const frame = (stack ?? "").split("\n").find((line) =>
        /^\s+at /.test(line) &&
        roots.some((root) => line.includes(root)) &&
        !line.includes(`${path.sep}node_modules${path.sep}`) && !line.includes("/node_modules/") &&
        !OWN_DIRS.some((dir) => line.includes(dir) || line.includes(pathToFileURL(dir).href)));
    return frame?.trim();
}

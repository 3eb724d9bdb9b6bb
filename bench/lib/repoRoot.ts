import * as fs from "fs";
import * as path from "path";

/**
 * The repository root: the nearest directory above this file with a package.json. The
 * bench runs compiled from dist/bench/ (which has none) and tests load it from source,
 * so the root is found rather than hard-coded as a number of `..`.
 */
export function repoRoot(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) {
            return dir;
        }
    }
    throw new Error(`no package.json above ${__dirname}`);
}

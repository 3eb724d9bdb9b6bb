import * as fs from "fs";
import * as os from "os";
import * as path from "path";

let found: string | undefined;

/**
 * Where the plan keeps what it can reuse between runs (type-check outcomes, compiled
 * TypeScript): node_modules/.cache/cloudmap-plan next to the TypeScript it uses, the usual
 * place for tools' caches, or the OS temp directory when that is not writable. Deleting it
 * only costs the next plan some time.
 */
export function cacheDir(): string {
    if (found === undefined) {
        const nodeModules = path.dirname(path.dirname(require.resolve("typescript/package.json")));
        found = [path.join(nodeModules, ".cache", "cloudmap-plan"), path.join(os.tmpdir(), "cloudmap-plan-cache")].find((dir) => {
            try {
                fs.mkdirSync(dir, { recursive: true });
                fs.accessSync(dir, fs.constants.W_OK);
                return true;
            } catch {
                // Read-only node_modules: try the next place.
                return false;
            }
        }) ?? os.tmpdir();
    }
    return found;
}

/** Writes a cache file whole, then renames it into place: a concurrent plan never reads half of it. Failures are ignored. */
export function writeCacheFile(file: string, contents: string): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, contents);
        fs.renameSync(partial, file);
    } catch {
        // A cache that cannot be written only costs the next plan some time.
    }
}

import { createHash } from "crypto";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { cacheDir, writeCacheFile } from "./cacheDir";

type Loader = (module: NodeJS.Module & { _compile(code: string, file: string): unknown }, file: string) => void;

/** Changes whenever what is cached, or how, changes: older entries are then never read. */
const CACHE_FORMAT = 3;

const served = new Map<string, string>();
let sourceMapsInstalled = false;

/**
 * Lets stack traces through cached code point at the TypeScript source: the cached output
 * carries ts-node's inline source map, and this hands that output to the same
 * source-map-support ts-node installs. Installing it now, before anything has run, also keeps
 * Error.prepareStackTrace from being replaced later (it is installed once per process).
 */
export function installSourceMaps(): void {
    if (!sourceMapsInstalled) {
        sourceMapsInstalled = true;
        const sourceMapSupport = createRequire(require.resolve("ts-node"))("@cspotcode/source-map-support") as {
            install(options: { environment: "node"; handleUncaughtExceptions: boolean; retrieveFile(path: string): string | null }): void;
        };
        sourceMapSupport.install({ environment: "node", handleUncaughtExceptions: false, retrieveFile: (file) => served.get(file) ?? null });
    }
}

/** What of a ts-node service decides its output, and which files it leaves to other loaders. */
interface TsNodeService {
    readonly ts: { readonly version: string };
    readonly config: { readonly options: object };
    ignored(file: string): boolean;
}

/**
 * Caches on disk what the `.ts` loader registered just now (`service`'s) compiles, keyed by
 * the file's path and contents, the package type that decides its module format, and the
 * service's effective compiler options and versions: transpiling is most of the cost of
 * starting a TypeScript program (TypeScript's emitter is slow until warm), and the files
 * rarely change between plans. Files the service does not compile (node_modules) pass
 * through untouched.
 */
export function cacheTranspiledTypeScript(service: TsNodeService): void {
    const extensions = require.extensions as unknown as Record<string, Loader | undefined>;
    const compile = extensions[".ts"];
    if (compile === undefined) {
        return;
    }
    installSourceMaps();
    const dir = path.join(cacheDir(), "transpiled");
    const base = JSON.stringify({ format: CACHE_FORMAT, typescript: service.ts.version, options: service.config.options });
    extensions[".ts"] = (module, file) => {
        // A file the service does not compile (node_modules, out of its scope) reaches _compile as it is.
        if (service.ignored(file)) {
            compile(module, file);
            return;
        }
        const source = fs.readFileSync(file, "utf8");
        const key = createHash("sha256").update(`${base}\n${packageTypeOf(path.dirname(file))}\n${file}\n${source}`).digest("hex");
        const cached = path.join(dir, `${key}.js`);
        let output: string | undefined;
        try {
            output = fs.readFileSync(cached, "utf8");
        } catch {
            output = undefined;
        }
        if (output !== undefined) {
            served.set(file, output);
            module._compile(output, file);
            return;
        }
        const run = module._compile;
        // ts-node wraps _compile to transpile; this wrapper, underneath, sees its output.
        module._compile = function (code: string, name: string): unknown {
            writeCacheFile(cached, code);
            return run.call(this, code, name);
        };
        compile(module, file);
    };
}

const packageTypes = new Map<string, string>();

/** The `type` of the package a directory belongs to: it decides whether ts-node emits CommonJS or ES modules. */
function packageTypeOf(dir: string): string {
    let type = packageTypes.get(dir);
    if (type === undefined) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            try {
                type = String((JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type ?? "commonjs");
            } catch {
                type = "commonjs";
            }
        } else {
            type = path.dirname(dir) === dir ? "commonjs" : packageTypeOf(path.dirname(dir));
        }
        packageTypes.set(dir, type);
    }
    return type;
}

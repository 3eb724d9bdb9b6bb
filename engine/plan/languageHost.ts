import * as fs from "fs";
import * as path from "path";

/**
 * How the Pulumi Node.js language host (@pulumi/pulumi `cmd/run/run.js`, started by
 * `pulumi-language-nodejs` with the program's directory as working directory) finds and
 * compiles a program, reproduced so that the offline plan runs the same file the same way.
 * Used inside the plan's child processes, which load TypeScript anyway.
 */

/** `runtime.options` of a nodejs project in Pulumi.yaml that decide how the program is loaded. */
export interface NodeRuntimeOptions {
    /** Register ts-node for TypeScript sources. @default true */
    readonly typescript?: boolean;
    /** The tsconfig to use, relative to the program's directory. @default "tsconfig.json" */
    readonly tsconfig?: string;
}

interface PackageManifest {
    readonly path?: string;
    readonly data: { type?: unknown; main?: unknown; exports?: unknown };
}

// The SDK's own manifest lookup (package.json or package.yaml, searched upwards).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require("@pulumi/pulumi/runtime/manifest") as {
    searchupPackageManifest(dir: string): string | undefined;
    readPackageManifest(dir: string): { data: PackageManifest["data"]; path: string };
};

/** The package the program belongs to: the nearest package.json/package.yaml at or above its directory. */
export function programPackage(programDir: string): PackageManifest {
    const found = manifest.searchupPackageManifest(programDir);
    if (found === undefined) {
        return { data: {} };
    }
    try {
        return { path: found, data: manifest.readPackageManifest(path.dirname(found)).data ?? {} };
    } catch {
        // The language host ignores a manifest it cannot read.
        return { path: found, data: {} };
    }
}

/**
 * The file or directory the language host runs. With Pulumi.yaml's `main` naming a file, that
 * file. Otherwise (no `main`, or `main` a directory: the engine passes "."), the package's
 * `exports` or `main` when that file exists, else the program's directory.
 */
export function programEntry(programDir: string, mainIsFile: boolean, main: string, pkg: PackageManifest): string {
    if (mainIsFile || pkg.path === undefined) {
        return main;
    }
    const root = path.dirname(pkg.path);
    const exported = pkg.data.exports;
    const mainExport = typeof exported === "object" && exported !== null ? (exported as Record<string, unknown>)["."] : undefined;
    const declared =
        typeof exported === "string" ? exported
        : typeof mainExport === "string" ? mainExport
        : typeof mainExport === "object" && mainExport !== null
            ? ["default", "require", "import"].map((k) => (mainExport as Record<string, unknown>)[k]).find((v) => typeof v === "string")
        : exported === undefined ? pkg.data.main : undefined;
    if (typeof declared !== "string" || declared === "") {
        return main;
    }
    const candidate = path.join(root, declared);
    return fs.existsSync(candidate) ? candidate : programDir;
}

/**
 * The entry of a directory loaded as an ES module (`"type": "module"`), as the language host
 * picks it: index.js, index.mjs, index.ts, index.mts.
 */
export function esmEntryFile(entry: string): string {
    if (!fs.statSync(entry).isDirectory()) {
        return entry;
    }
    const index = ["index.js", "index.mjs", "index.ts", "index.mts"].map((f) => path.join(entry, f)).find((f) => fs.existsSync(f));
    if (index === undefined) {
        throw new Error(`No entrypoint found in ${entry}`);
    }
    return index;
}

/** ts-node's options as the language host registers them, and whether it would type-check. */
export interface TypeScriptSetup {
    readonly project: string;
    readonly skipProject: boolean;
    readonly compilerOptions: Record<string, unknown>;
    /** True for an ES module package: the program is loaded with `import()` through ts-node's ESM hooks. */
    readonly esm: boolean;
    /** Whether `pulumi preview` type-checks the program, and what decided it. */
    readonly typeCheck: { readonly enabled: boolean; readonly decidedBy: string };
}

/**
 * ts-node's options for the program, as the language host registers it (transpile only: type
 * checking is the plan's separate step). `ignore` is ts-node's own default, stated so that
 * what confines the engine's ts-node to its files (engineChild.ts) cannot reach the program's.
 */
export function tsNodeOptionsOf(setup: TypeScriptSetup): { transpileOnly: true; project: string; skipProject: boolean; compilerOptions: object; ignore: string[] } {
    return { transpileOnly: true, project: setup.project, skipProject: setup.skipProject, compilerOptions: setup.compilerOptions, ignore: ["(?:^|/)node_modules/"] };
}

/** The tsconfig the language host reads: the `tsconfig` runtime option, else PULUMI_NODEJS_TSCONFIG_PATH, else tsconfig.json. */
export function tsconfigPathOf(options: NodeRuntimeOptions, env: NodeJS.ProcessEnv): string {
    return options.tsconfig ?? env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json";
}

/**
 * Mirrors the language host's TypeScript set-up, run with the program's directory as the
 * working directory: the tsconfig's own `compilerOptions` over ts-node defaults for target
 * and module (`nodenext` for TypeScript ≥ 4.7, `ES2022` targets in ES module packages); type
 * checking unless PULUMI_NODEJS_TRANSPILE_ONLY says otherwise or, when it is unset, the
 * tsconfig sets `noCheck`.
 */
export function typeScriptSetup(options: NodeRuntimeOptions, env: NodeJS.ProcessEnv, pkg: PackageManifest): TypeScriptSetup {
    const project = tsconfigPathOf(options, env);
    const skipProject = !fs.existsSync(project);
    if (skipProject && project !== "tsconfig.json") {
        throw new Error(`tsconfig path was set to ${project} but the file was not found`);
    }
    // The SDK's own reader: the tsconfig file's compilerOptions, comments allowed, `extends` not followed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsutils = require("@pulumi/pulumi/tsutils") as { loadTypeScriptCompilerOptions(file: string): Record<string, unknown> };
    const own = tsutils.loadTypeScriptCompilerOptions(project);
    const esm = pkg.data.type === "module";
    const transpileOnly = env.PULUMI_NODEJS_TRANSPILE_ONLY;
    const typeCheck = transpileOnly
        ? { enabled: transpileOnly !== "true", decidedBy: `PULUMI_NODEJS_TRANSPILE_ONLY=${transpileOnly}` }
        : own.noCheck === true
            ? { enabled: false, decidedBy: `"noCheck": true in ${project}` }
            : { enabled: true, decidedBy: "the default (ts-node type-checks)" };
    const defaults = esm
        ? { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true" }
        : { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true" };
    return { project, skipProject, compilerOptions: { ...defaults, ...own }, esm, typeCheck };
}

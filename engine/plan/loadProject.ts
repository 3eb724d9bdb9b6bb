import * as fs from "fs";
import * as path from "path";
import type { NodeRuntimeOptions } from "./languageHost";

// js-yaml ships no types; the one function used here is declared at the require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/** A Pulumi project as the offline plan needs it: where the program is, how it is loaded, and its configuration. */
export interface PulumiProject {
    /** `name` from Pulumi.yaml; the namespace of bare configuration keys. */
    readonly name: string;
    /** The directory holding Pulumi.yaml. */
    readonly dir: string;
    /** `runtime` from Pulumi.yaml (`nodejs` or `{ name: nodejs }`). */
    readonly runtime: string;
    /** Pulumi.yaml's `runtime.options` that decide how the program is loaded. */
    readonly runtimeOptions: NodeRuntimeOptions;
    /** Pulumi.yaml `main` resolved against `dir` (a file or a directory), else `dir` itself. */
    readonly main: string;
    /** True when `main` names a file: then that file is the entry point, whatever package.json says. */
    readonly mainIsFile: boolean;
    /** The program's working directory, as the Pulumi CLI sets it: `main` if a directory, else its directory. */
    readonly programDir: string;
    readonly stack: string;
    /** The stack config file that was read, if there was one. */
    readonly stackConfigFile?: string;
    /** Full configuration, keys namespaced (`quickship:vpcId`, `aws:region`). */
    readonly config: Readonly<Record<string, string>>;
}

/** The stack planned when none is given. */
export const DEFAULT_STACK = "dev";

export interface LoadProjectOptions {
    /**
     * The stack whose `Pulumi.<stack>.yaml` is read; it must exist. Without it the stack is
     * `dev`: its config file is read when there is one, and the project's defaults alone are
     * used when the project has no stack config files at all.
     */
    readonly stack?: string;
    /** `key=value` overrides, as given with `--config`; bare keys go to the project namespace. */
    readonly config?: Readonly<Record<string, string>>;
}

/** A project that cannot be planned: no or broken Pulumi.yaml, a runtime other than Node.js, no such stack. */
export class ProjectError extends Error {
    override readonly name = "ProjectError";
}

/**
 * Reads a Pulumi project directory the way the Pulumi CLI does: `Pulumi.yaml` for the name,
 * runtime, `main`, `stackConfigDir` and project-level config defaults, then
 * `Pulumi.<stack>.yaml`, then command-line overrides, later sources winning.
 */
export function loadProject(dir: string, options: LoadProjectOptions = {}): PulumiProject {
    const projectDir = path.resolve(dir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(projectDir, f)).find((f) => fs.existsSync(f));
    if (projectFile === undefined) {
        throw new ProjectError(`${projectDir} has no Pulumi.yaml: pass the directory of a Pulumi project.`);
    }
    const doc = readYaml(projectFile);
    const name = doc.name;
    if (typeof name !== "string" || name === "") {
        throw new ProjectError(`${projectFile}: "name" is required.`);
    }
    const runtimeSection = isRecord(doc.runtime) ? doc.runtime : { name: doc.runtime };
    const runtime = runtimeSection.name;
    if (runtime !== "nodejs") {
        throw new ProjectError(`${projectFile}: runtime is "${String(runtime)}"; the offline plan runs only nodejs (TypeScript or JavaScript) programs.`);
    }
    const { main, mainIsFile } = mainOf(projectDir, projectFile, doc.main);
    const { stack, stackConfigFile } = stackOf(projectDir, projectFile, doc.stackConfigDir, options.stack);
    const stackDoc = stackConfigFile ? readYaml(stackConfigFile) : {};
    const stackConfig = namespaceConfig(name, configValues(stackDoc.config));
    const overrides = namespaceConfig(name, options.config ?? {});
    // Secrets cannot be decrypted without the Pulumi CLI; fail loudly rather than hand the
    // program a made-up value, unless the caller supplies a stand-in.
    const secret = Object.keys(stackConfig).find((key) => stackConfig[key] === SECRET && !(key in overrides));
    if (secret !== undefined) {
        throw new ProjectError(`${stackConfigFile}: "${secret}" is a secret, which cannot be decrypted offline. ` +
            `Pass a stand-in value with --config ${secret}=VALUE.`);
    }
    const defaults = namespaceConfig(name, projectConfigDefaults(doc.config));
    const config = { ...defaults, ...stackConfig, ...overrides };
    if (config["aws:region"] === "") {
        const source = "aws:region" in overrides ? "--config aws:region=" : "aws:region" in stackConfig ? stackConfigFile : projectFile;
        throw new ProjectError(`aws:region is set but empty (${source}). ` +
            "Set it to the region to deploy to, e.g. `pulumi config set aws:region us-east-1`, or remove it (the plan then assumes us-east-1).");
    }
    return {
        name,
        dir: projectDir,
        runtime,
        runtimeOptions: runtimeOptionsOf(projectFile, runtimeSection.options),
        main,
        mainIsFile,
        programDir: mainIsFile ? path.dirname(main) : main,
        stack,
        stackConfigFile,
        config,
    };
}

function mainOf(projectDir: string, projectFile: string, main: unknown): { main: string; mainIsFile: boolean } {
    if (main === undefined || main === null || main === "") {
        return { main: projectDir, mainIsFile: false };
    }
    if (typeof main !== "string") {
        throw new ProjectError(`${projectFile}: "main" must be a path, got ${JSON.stringify(main)}.`);
    }
    const resolved = path.resolve(projectDir, main);
    if (!fs.existsSync(resolved)) {
        throw new ProjectError(`${projectFile}: main "${main}" does not exist (${resolved}).`);
    }
    return { main: resolved, mainIsFile: !fs.statSync(resolved).isDirectory() };
}

/** The stack to plan and its config file (see {@link LoadProjectOptions.stack}). */
function stackOf(projectDir: string, projectFile: string, stackConfigDir: unknown, requested: string | undefined): { stack: string; stackConfigFile?: string } {
    const configDir = typeof stackConfigDir === "string" ? path.resolve(projectDir, stackConfigDir) : projectDir;
    const stacks = fs.existsSync(configDir)
        ? fs.readdirSync(configDir).map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined).sort()
        : [];
    const fileOf = (stack: string): string | undefined =>
        ["yaml", "yml"].map((ext) => path.join(configDir, `Pulumi.${stack}.${ext}`)).find((f) => fs.existsSync(f));
    const known = stacks.length > 0 ? `Stacks with a config file here: ${stacks.join(", ")}.` : "This project has no stack config files.";
    if (requested !== undefined) {
        // A fully qualified name (org/project/stack) keeps its config under the stack's own name.
        const stack = requested.split("/").pop() ?? requested;
        const file = fileOf(stack);
        if (stack === "" || file === undefined) {
            throw new ProjectError(`no stack named '${requested}' found: there is no Pulumi.${stack}.yaml in ${configDir}. ${known}`);
        }
        return { stack, stackConfigFile: file };
    }
    const file = fileOf(DEFAULT_STACK);
    if (file === undefined && stacks.length > 0) {
        throw new ProjectError(`no --stack given and ${path.relative(process.cwd(), projectFile) || projectFile}'s project has no Pulumi.${DEFAULT_STACK}.yaml: ` +
            `choose the stack to plan with --stack NAME. ${known}`);
    }
    return { stack: DEFAULT_STACK, stackConfigFile: file };
}

/** Pulumi.yaml's nodejs `runtime.options`, checked as the language host checks them. */
function runtimeOptionsOf(projectFile: string, options: unknown): NodeRuntimeOptions {
    const values = asRecord(options);
    if (values.typescript !== undefined && typeof values.typescript !== "boolean") {
        throw new ProjectError(`${projectFile}: runtime.options.typescript must be a boolean, got ${JSON.stringify(values.typescript)}.`);
    }
    if (values.tsconfig !== undefined && typeof values.tsconfig !== "string") {
        throw new ProjectError(`${projectFile}: runtime.options.tsconfig must be a path, got ${JSON.stringify(values.tsconfig)}.`);
    }
    return { typescript: values.typescript, tsconfig: values.tsconfig };
}

/** `key` → `<project>:key`; keys that already name a namespace (`aws:region`) stay as they are. */
export function namespaceConfig(project: string, values: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key.includes(":") ? key : `${project}:${key}`, value]));
}

/**
 * Project-level config in Pulumi.yaml: `key: value`, or `key: { type, default }` for a
 * declared key, or `aws:region: { value }` for another package's key.
 */
function projectConfigDefaults(section: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(asRecord(section))) {
        if (isRecord(entry) && ("default" in entry || "value" in entry || "type" in entry)) {
            const value = "value" in entry ? entry.value : entry.default;
            if (value !== undefined) {
                out[key] = configString(value);
            }
        } else {
            out[key] = configString(entry);
        }
    }
    return out;
}

/** Marks a `secure:` value in stack config; never handed to a program. */
const SECRET = "\u0000secret";

/** Stack config values. Structured values become JSON, as `pulumi config` stores them. */
function configValues(section: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(asRecord(section))) {
        out[key] = isRecord(value) && "secure" in value ? SECRET : configString(value);
    }
    return out;
}

function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function readYaml(file: string): Record<string, unknown> {
    let doc: unknown;
    try {
        doc = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new ProjectError(`${file}: not valid YAML: ${(err as Error).message}`);
    }
    return asRecord(doc);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
    return isRecord(value) ? value : {};
}

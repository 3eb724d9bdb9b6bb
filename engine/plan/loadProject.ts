import * as fs from "fs";
import * as path from "path";

// js-yaml ships no types; the one function used here is declared at the require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/** A Pulumi project as the offline plan needs it: where the program is and its configuration. */
export interface PulumiProject {
    /** `name` from Pulumi.yaml; the namespace of bare configuration keys. */
    readonly name: string;
    /** The directory holding Pulumi.yaml. */
    readonly dir: string;
    /** `runtime` from Pulumi.yaml (`nodejs` or `{ name: nodejs }`). */
    readonly runtime: string;
    /** The program's entry point: Pulumi.yaml `main` resolved against `dir`, else `dir` itself. */
    readonly main: string;
    readonly stack: string;
    /** The stack config file that was read, if there was one. */
    readonly stackConfigFile?: string;
    /** Full configuration, keys namespaced (`quickship:vpcId`, `aws:region`). */
    readonly config: Readonly<Record<string, string>>;
}

export interface LoadProjectOptions {
    /** @default "dev" — there is no selected stack without the Pulumi CLI, so plans default to the usual first stack. */
    readonly stack?: string;
    /** `key=value` overrides, as given with `--config`; bare keys go to the project namespace. */
    readonly config?: Readonly<Record<string, string>>;
}

/** A project that cannot be planned: no or broken Pulumi.yaml, a runtime other than Node.js. */
export class ProjectError extends Error {
    override readonly name = "ProjectError";
}

/**
 * Reads a Pulumi project directory the way the Pulumi CLI does: `Pulumi.yaml` for the name,
 * runtime, `main` and project-level config defaults, then `Pulumi.<stack>.yaml`, then
 * command-line overrides, later sources winning.
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
    const runtime = typeof doc.runtime === "object" && doc.runtime !== null ? (doc.runtime as Record<string, unknown>).name : doc.runtime;
    if (runtime !== "nodejs") {
        throw new ProjectError(`${projectFile}: runtime is "${String(runtime)}"; the offline plan runs only nodejs (TypeScript or JavaScript) programs.`);
    }
    const stack = options.stack ?? "dev";
    const stackConfigFile = ["yaml", "yml"].map((ext) => path.join(projectDir, `Pulumi.${stack}.${ext}`)).find((f) => fs.existsSync(f));
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
    const config = { ...namespaceConfig(name, projectConfigDefaults(doc.config)), ...stackConfig, ...overrides };
    return {
        name,
        dir: projectDir,
        runtime,
        main: typeof doc.main === "string" ? path.resolve(projectDir, doc.main) : projectDir,
        stack,
        stackConfigFile,
        config,
    };
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

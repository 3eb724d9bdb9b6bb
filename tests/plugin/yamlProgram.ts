import * as fs from "fs";
import { construct, Constructed } from "./harness/engineCalls";
import { InTestEngine } from "./harness/inTestEngine";
import { PluginHost } from "./harness/pluginHost";
import { outputValue } from "./harness/propertyValues";

// js-yaml ships no types; the one function used here is declared at the require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/**
 * Just enough of Pulumi YAML to send an example program's component arguments to the provider,
 * so the example cannot drift from the schema unnoticed: resources in file order, config
 * defaults, and `${resource.output}` / `${config}` references, whole or inside strings.
 * Components go to Construct with each reference to another resource encoded as an Output value
 * carrying that resource's URN, as the engine forwards a program's Outputs; `aws:` resources are
 * registered as the program's own. It is not the Pulumi YAML runtime: no functions, options,
 * or reordering by dependency (a reference to a later resource is an error).
 */

interface YamlProgram {
    readonly config?: Record<string, { default?: unknown }>;
    readonly resources: Record<string, { type: string; properties?: Record<string, unknown> }>;
    readonly outputs?: Record<string, unknown>;
}

export interface YamlProgramRun {
    /** Each component resource of the program, as its Construct returned it. */
    readonly components: ReadonlyMap<string, Constructed>;
    /** The program's outputs, resolved. */
    readonly outputs: Record<string, unknown>;
}

interface Declared {
    readonly urn: string;
    readonly state: Record<string, unknown>;
}

/** A value with the URNs of the resources it came from. */
interface Resolved {
    readonly value: unknown;
    readonly dependencies: readonly string[];
}

const REFERENCE = /\$\{([^}]+)\}/g;
const WHOLE_REFERENCE = /^\$\{([^}]+)\}$/;

export async function runYamlProgram(file: string, host: PluginHost, engine: InTestEngine): Promise<YamlProgramRun> {
    const program = yaml.load(fs.readFileSync(file, "utf8")) as YamlProgram;
    const config = Object.fromEntries(Object.entries(program.config ?? {}).map(([key, spec]) => [key, spec.default]));
    const declared = new Map<string, Declared>();
    const components = new Map<string, Constructed>();

    const resolveReference = (reference: string): Resolved => {
        const [name, ...path] = reference.split(".");
        if (name in config && path.length === 0) {
            return { value: config[name], dependencies: [] };
        }
        const resource = declared.get(name);
        if (resource === undefined) {
            throw new Error(`${file}: \${${reference}} refers to "${name}", which is not declared before it`);
        }
        const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], resource.state);
        if (value === undefined) {
            throw new Error(`${file}: \${${reference}}: "${name}" has no output ${path.join(".")}`);
        }
        return { value, dependencies: [resource.urn] };
    };

    /** A property value as the engine would send it: references to resources become Output values. */
    const evaluate = (value: unknown): unknown => {
        if (typeof value === "string") {
            const whole = WHOLE_REFERENCE.exec(value);
            const resolved = whole
                ? resolveReference(whole[1])
                : interpolate(value, resolveReference);
            return resolved.dependencies.length === 0 ? resolved.value : outputValue(resolved.value, resolved.dependencies);
        }
        if (Array.isArray(value)) {
            return value.map(evaluate);
        }
        if (value !== null && typeof value === "object") {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v)]));
        }
        return value;
    };

    for (const [name, resource] of Object.entries(program.resources)) {
        const inputs = evaluate(resource.properties ?? {}) as Record<string, unknown>;
        if (resource.type.startsWith("aws:")) {
            const { urn } = await engine.registerProgramResource(resource.type, name, inputs);
            declared.set(name, { urn, state: engine.resourcesUnder(urn)[0].outputs as Record<string, unknown> });
        } else {
            const built = await construct(host, engine, { type: resource.type, name, inputs });
            components.set(name, built);
            declared.set(name, { urn: built.urn, state: built.state });
        }
    }
    const outputs = Object.fromEntries(Object.entries(program.outputs ?? {}).map(([key, value]) => {
        const whole = typeof value === "string" ? WHOLE_REFERENCE.exec(value) : null;
        return [key, whole ? resolveReference(whole[1]).value : value];
    }));
    return { components, outputs };
}

/** `"${table.arn}/index/*"`: a string with references inside. */
function interpolate(text: string, resolveReference: (reference: string) => Resolved): Resolved {
    const dependencies: string[] = [];
    const value = text.replace(REFERENCE, (_match, reference: string) => {
        const resolved = resolveReference(reference);
        dependencies.push(...resolved.dependencies);
        return String(resolved.value);
    });
    return { value, dependencies };
}

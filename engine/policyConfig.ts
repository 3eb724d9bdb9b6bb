import { isDeepStrictEqual } from "util";
import { PolicyPackError } from "./policyPackError";

/**
 * Policy pack configuration, reconciled the way the Pulumi engine does it before it calls
 * `Configure` (pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig): start from each
 * policy's enforcement level and its schema defaults, apply the pack's initial config, then
 * the user's `--policy-pack-config` file, where `"all"` sets every policy's level and a
 * policy's entry is either a level or an object of level and properties. Then, like the
 * engine, each policy's config is validated against its schema, and bad config is refused
 * before the pack sees it. Unlike the engine, a key that names no policy is refused too: it is
 * a typo that would otherwise leave the policy it meant on its defaults.
 */

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/**
 * The JSON Schema keywords this validator checks: the ones policy config schemas use. Other
 * keywords (pattern, minLength, ...) are not checked here; the engine would check them.
 */
export interface JsonSchema {
    readonly type?: JsonType | readonly JsonType[];
    readonly enum?: readonly unknown[];
    readonly minimum?: number;
    readonly maximum?: number;
    readonly items?: JsonSchema;
    readonly properties?: Readonly<Record<string, JsonSchema>>;
    readonly required?: readonly string[];
    /** `false` refuses properties not in `properties`; a schema validates them. */
    readonly additionalProperties?: boolean | JsonSchema;
    readonly default?: unknown;
}

/** A policy's config schema as GetAnalyzerInfo sends it: the properties' schemas and the required ones. */
export interface PolicyConfigSchema {
    readonly properties: Readonly<Record<string, JsonSchema>>;
    readonly required?: readonly string[];
}

/** What the pack reports about one policy in GetAnalyzerInfo. */
export interface PolicyMetadata {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    /** Undefined when the policy declares no schema; its config is then not validated (as in the engine). */
    readonly configSchema?: PolicyConfigSchema;
}

/** One policy's config as sent in `Configure`. */
export interface PolicyConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

interface NormalizedEntry {
    readonly enforcementLevel?: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

function checkLevel(level: unknown, key: string): EnforcementLevel {
    if (!ENFORCEMENT_LEVELS.includes(level as EnforcementLevel)) {
        throw new PolicyPackError(`Policy pack config "${key}": "${String(level)}" is not an enforcement level ` +
            `(use one of ${ENFORCEMENT_LEVELS.join(", ")}).`);
    }
    return level as EnforcementLevel;
}

/** Parses the `--policy-pack-config` JSON format into levels and properties per key. */
function normalize(config: Readonly<Record<string, unknown>>): Map<string, NormalizedEntry> {
    const result = new Map<string, NormalizedEntry>();
    for (const [key, value] of Object.entries(config)) {
        if (typeof value === "string") {
            result.set(key, { enforcementLevel: checkLevel(value, key), properties: {} });
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            result.set(key, {
                enforcementLevel: enforcementLevel === undefined ? undefined : checkLevel(enforcementLevel, key),
                properties,
            });
        } else {
            throw new PolicyPackError(`Policy pack config "${key}" must be an enforcement level or an object, not ${JSON.stringify(value)}.`);
        }
    }
    return result;
}

/** Applies one layer of config; returns its keys that name no policy (besides "all"). */
function apply(result: Map<string, PolicyConfig>, config: Readonly<Record<string, unknown>>): string[] {
    const entries = normalize(config);
    const all = entries.get("all")?.enforcementLevel;
    if (all !== undefined) {
        for (const [name, current] of result) {
            result.set(name, { ...current, enforcementLevel: all });
        }
    }
    for (const [name, given] of entries) {
        const current = result.get(name);
        if (current !== undefined) {
            result.set(name, {
                enforcementLevel: given.enforcementLevel ?? current.enforcementLevel,
                properties: { ...current.properties, ...given.properties },
            });
        }
    }
    return [...entries.keys()].filter((name) => name !== "all" && !result.has(name));
}

function matchesType(value: unknown, type: JsonType): boolean {
    switch (type) {
        case "integer":
            return Number.isInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "array":
            return Array.isArray(value);
        case "object":
            return value !== null && typeof value === "object" && !Array.isArray(value);
        case "null":
            return value === null;
        default:
            return typeof value === type;
    }
}

const withArticle = (type: JsonType): string => (type === "integer" || type === "object" || type === "array" ? `an ${type}` : type === "null" ? "null" : `a ${type}`);

/** A value as the user wrote it, with its JSON type: `"abc" (a string)`. */
function shown(value: unknown): string {
    const type = (["null", "array", "string", "boolean", "object"] as const).find((t) => matchesType(value, t));
    return `${JSON.stringify(value)} (${withArticle(type ?? (Number.isInteger(value) ? "integer" : "number"))})`;
}

/** What is wrong with `value` at `path` under `schema`: one sentence per problem, empty when valid. */
export function schemaErrors(value: unknown, schema: JsonSchema, path: string): string[] {
    const types = schema.type === undefined ? [] : ([] as JsonType[]).concat(schema.type);
    if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
        return [`${path} must be ${types.map(withArticle).join(" or ")}, not ${shown(value)}`];
    }
    const errors: string[] = [];
    if (schema.enum !== undefined && !schema.enum.some((allowed) => isDeepStrictEqual(allowed, value))) {
        errors.push(`${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}, not ${shown(value)}`);
    }
    if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) {
        errors.push(`${path} must be at least ${schema.minimum}, not ${value}`);
    }
    if (typeof value === "number" && schema.maximum !== undefined && value > schema.maximum) {
        errors.push(`${path} must be at most ${schema.maximum}, not ${value}`);
    }
    if (Array.isArray(value) && schema.items !== undefined) {
        const items = schema.items;
        errors.push(...value.flatMap((item, i) => schemaErrors(item, items, `${path}[${i}]`)));
    }
    if (matchesType(value, "object")) {
        errors.push(...objectErrors(value as Record<string, unknown>, schema, `${path}.`));
    }
    return errors;
}

/** `required`, `properties` and `additionalProperties` of an object; `prefix` is prepended to each key. */
function objectErrors(value: Readonly<Record<string, unknown>>, schema: JsonSchema, prefix = ""): string[] {
    const properties = schema.properties ?? {};
    const missing = (schema.required ?? []).filter((key) => !(key in value)).map((key) => `${prefix}${key} is required`);
    const invalid = Object.entries(value).flatMap(([key, v]) => {
        if (key in properties) {
            return schemaErrors(v, properties[key], `${prefix}${key}`);
        }
        if (schema.additionalProperties === false) {
            return [`${prefix}${key} is not a known property (known: ${Object.keys(properties).join(", ") || "none"})`];
        }
        return typeof schema.additionalProperties === "object" ? schemaErrors(v, schema.additionalProperties, `${prefix}${key}`) : [];
    });
    return [...missing, ...invalid];
}

/**
 * What is wrong with each policy's reconciled properties under its schema, as the engine checks
 * them (as `{ type: "object", properties, required }`), each line naming the policy.
 */
function validationErrors(policies: readonly PolicyMetadata[], result: ReadonlyMap<string, PolicyConfig>): string[] {
    return policies.flatMap((policy) => policy.configSchema === undefined
        ? []
        : objectErrors(result.get(policy.name)?.properties ?? {}, policy.configSchema).map((error) => `${policy.name}: ${error}`));
}

/**
 * Builds the `Configure` request contents: schema defaults, then initial config, then user
 * config, validated against each policy's schema. Throws one PolicyPackError listing every
 * key that names no policy and every property the schemas refuse.
 */
export function reconcilePolicyConfig(
    policies: readonly PolicyMetadata[],
    initialConfig: Readonly<Record<string, unknown>> = {},
    userConfig: Readonly<Record<string, unknown>> = {},
): Map<string, PolicyConfig> {
    const result = new Map<string, PolicyConfig>();
    for (const policy of policies) {
        const defaults = Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema !== null && typeof schema === "object" && "default" in schema)
            .map(([key, schema]) => [key, schema.default] as const);
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel, properties: Object.fromEntries(defaults) });
    }
    const unknown = [...new Set([...apply(result, initialConfig), ...apply(result, userConfig)])];
    const errors = [
        ...unknown.map((name) => `"${name}" is not a policy of this pack (its policies: ${policies.map((p) => p.name).join(", ")}; "all" sets every level)`),
        ...validationErrors(policies, result),
    ];
    if (errors.length > 0) {
        throw new PolicyPackError(`Policy pack config is invalid:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    }
    return result;
}

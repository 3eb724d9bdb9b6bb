/**
 * Policy pack configuration, reconciled the way the Pulumi engine does it before it calls
 * `Configure` (pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig): start from each
 * policy's enforcement level and its schema defaults, apply the pack's initial config, then
 * the user's `--policy-pack-config` file, where `"all"` sets every policy's level and a
 * policy's entry is either a level or an object of level and properties.
 */

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** What the pack reports about one policy in GetAnalyzerInfo. */
export interface PolicyMetadata {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    /** The JSON schema of each config property, as declared in `configSchema.properties`. */
    readonly configProperties: Readonly<Record<string, { readonly default?: unknown }>>;
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
        throw new Error(`Policy pack config "${key}": "${String(level)}" is not an enforcement level ` +
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
            throw new Error(`Policy pack config "${key}" must be an enforcement level or an object, not ${JSON.stringify(value)}.`);
        }
    }
    return result;
}

function apply(result: Map<string, PolicyConfig>, config: Readonly<Record<string, unknown>>): void {
    const entries = normalize(config);
    const all = entries.get("all")?.enforcementLevel;
    if (all !== undefined) {
        for (const [name, current] of result) {
            result.set(name, { ...current, enforcementLevel: all });
        }
    }
    for (const [name, given] of entries) {
        // Like the engine, keys that name no policy (including "all") are passed on as they are.
        const current = result.get(name) ?? { enforcementLevel: given.enforcementLevel ?? "advisory", properties: {} };
        result.set(name, {
            enforcementLevel: given.enforcementLevel ?? current.enforcementLevel,
            properties: { ...current.properties, ...given.properties },
        });
    }
}

/** Builds the `Configure` request contents: schema defaults, then initial config, then user config. */
export function reconcilePolicyConfig(
    policies: readonly PolicyMetadata[],
    initialConfig: Readonly<Record<string, unknown>> = {},
    userConfig: Readonly<Record<string, unknown>> = {},
): Map<string, PolicyConfig> {
    const result = new Map<string, PolicyConfig>();
    for (const policy of policies) {
        const defaults = Object.entries(policy.configProperties)
            .filter(([, schema]) => schema !== null && typeof schema === "object" && "default" in schema)
            .map(([key, schema]) => [key, schema.default] as const);
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel, properties: Object.fromEntries(defaults) });
    }
    apply(result, initialConfig);
    apply(result, userConfig);
    return result;
}

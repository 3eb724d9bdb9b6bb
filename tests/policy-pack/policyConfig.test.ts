import * as assert from "assert";
import { PolicyMetadata, reconcilePolicyConfig } from "../../engine/policyConfig";
import { PolicyPackError } from "../../engine/policyPackError";

const POLICIES: PolicyMetadata[] = [
    { name: "ttl", enforcementLevel: "mandatory", configSchema: { properties: { maxTtlSeconds: { type: "integer", minimum: 0, default: 60 }, note: {} } } },
    { name: "staleness", enforcementLevel: "advisory", configSchema: { properties: {} } },
];

/** A policy whose schema uses every keyword the validator checks. */
const STRICT: PolicyMetadata = {
    name: "strict",
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            mode: { type: "string", enum: ["fast", "safe"] },
            percent: { type: "number", minimum: 0, maximum: 100 },
            names: { type: "array", items: { type: "string" } },
            limits: { type: "object", properties: { ttl: { type: "integer" } }, required: ["ttl"], additionalProperties: false },
        },
        required: ["mode"],
    },
};

/** Asserts that reconciling `config` throws a PolicyPackError whose message lists exactly `problems`. */
function assertRefused(policies: PolicyMetadata[], config: Record<string, unknown>, problems: string[]): void {
    assert.throws(() => reconcilePolicyConfig(policies, {}, config), (error: unknown) => {
        assert.ok(error instanceof PolicyPackError, `a PolicyPackError, got ${String(error)}`);
        assert.strictEqual(error.message, `Policy pack config is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        return true;
    });
}

describe("policy engine: config reconciliation (the engine's ReconcilePolicyPackConfig)", () => {
    it("starts from each policy's level and its schema defaults", () => {
        assert.deepStrictEqual(Object.fromEntries(reconcilePolicyConfig(POLICIES)), {
            ttl: { enforcementLevel: "mandatory", properties: { maxTtlSeconds: 60 } },
            staleness: { enforcementLevel: "advisory", properties: {} },
        });
    });

    it("applies initial config, then user config; a string is a level, an object a level and properties", () => {
        const result = reconcilePolicyConfig(POLICIES, { ttl: { maxTtlSeconds: 30 } }, { ttl: "remediate", staleness: { note: "x" } });
        assert.deepStrictEqual(result.get("ttl"), { enforcementLevel: "remediate", properties: { maxTtlSeconds: 30 } });
        assert.deepStrictEqual(result.get("staleness"), { enforcementLevel: "advisory", properties: { note: "x" } });
    });

    it("lets \"all\" set every level before per-policy entries", () => {
        const result = reconcilePolicyConfig(POLICIES, {}, { all: "disabled", staleness: "mandatory" });
        assert.strictEqual(result.get("ttl")?.enforcementLevel, "disabled");
        assert.strictEqual(result.get("staleness")?.enforcementLevel, "mandatory");
    });

    it("rejects values that are neither a level nor an object", () => {
        assert.throws(() => reconcilePolicyConfig(POLICIES, {}, { ttl: 5 }), /must be an enforcement level or an object/);
        assert.throws(() => reconcilePolicyConfig(POLICIES, {}, { ttl: { enforcementLevel: "hard" } }), /"hard" is not an enforcement level/);
    });

    describe("validation against each policy's schema, before Configure", () => {
        it("refuses a value of the wrong type instead of letting it switch the check off", () => {
            assertRefused(POLICIES, { ttl: { maxTtlSeconds: "abc" } }, ['ttl: maxTtlSeconds must be an integer, not "abc" (a string)']);
            assertRefused(POLICIES, { ttl: { maxTtlSeconds: 12.5 } }, ["ttl: maxTtlSeconds must be an integer, not 12.5 (a number)"]);
            assertRefused(POLICIES, { ttl: { maxTtlSeconds: null } }, ["ttl: maxTtlSeconds must be an integer, not null (null)"]);
        });

        it("checks minimum and maximum, enum, array items and required properties, reporting every problem at once", () => {
            assertRefused([STRICT], { strict: { percent: 101, names: ["a", 2] } }, [
                "strict: mode is required",
                "strict: percent must be at most 100, not 101",
                "strict: names[1] must be a string, not 2 (an integer)",
            ]);
            assertRefused([STRICT], { strict: { mode: "turbo", percent: -1 } }, [
                'strict: mode must be one of "fast", "safe", not "turbo" (a string)',
                "strict: percent must be at least 0, not -1",
            ]);
            assertRefused(POLICIES, { ttl: { maxTtlSeconds: -5 } }, ["ttl: maxTtlSeconds must be at least 0, not -5"]);
        });

        it("refuses unknown properties where the schema says additionalProperties: false", () => {
            assertRefused([STRICT], { strict: { mode: "safe", limits: { ttl: 1, tll: 2 } } }, ["strict: limits.tll is not a known property (known: ttl)"]);
            assertRefused([STRICT], { strict: { mode: "safe", limits: {} } }, ["strict: limits.ttl is required"]);
            assert.deepStrictEqual(reconcilePolicyConfig([STRICT], {}, { strict: { mode: "safe", names: ["a"], limits: { ttl: 1 } } }).get("strict")?.properties,
                { mode: "safe", names: ["a"], limits: { ttl: 1 } });
        });

        it("refuses a key that names no policy, listing the pack's policies, together with the other problems", () => {
            assertRefused(POLICIES, { tll: { maxTtlSeconds: 30 }, ttl: { maxTtlSeconds: "30" } }, [
                '"tll" is not a policy of this pack (its policies: ttl, staleness; "all" sets every level)',
                'ttl: maxTtlSeconds must be an integer, not "30" (a string)',
            ]);
        });

        it("validates what the schema defaults and initial config leave too, as the engine does", () => {
            assert.throws(() => reconcilePolicyConfig([STRICT]), /strict: mode is required/);
            assert.throws(() => reconcilePolicyConfig(POLICIES, { ttl: { maxTtlSeconds: "60" } }), PolicyPackError);
        });

        it("leaves a policy without a schema unvalidated", () => {
            const result = reconcilePolicyConfig([{ name: "free", enforcementLevel: "advisory" }], {}, { free: { anything: [1, "x"] } });
            assert.deepStrictEqual(result.get("free")?.properties, { anything: [1, "x"] });
        });
    });
});

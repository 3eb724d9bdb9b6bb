import * as assert from "assert";
import { PolicyMetadata, reconcilePolicyConfig } from "../../engine/policyConfig";

const POLICIES: PolicyMetadata[] = [
    { name: "ttl", enforcementLevel: "mandatory", configProperties: { maxTtlSeconds: { default: 60 }, note: {} } },
    { name: "staleness", enforcementLevel: "advisory", configProperties: {} },
];

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
});

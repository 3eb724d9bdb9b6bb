import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { startPolicyPack } from "../../engine/policyEngine";
import { policies } from "../../policy-pack/policies";
import { CASES, STACK_POLICIES } from "./catalogue";
import { buildPack, PACK_DIR } from "./packHarness";

describe("policy pack: every policy is named, described, levelled, configurable, registered and tested", () => {
    it("is a stack policy only when its rules need another resource", () => {
        const kinds = Object.fromEntries(policies.map((p) => [p.name, "validateStack" in p ? "stack" : "resource"]));
        const expected = Object.fromEntries(policies.map((p) => [p.name, p.name in STACK_POLICIES ? "stack" : "resource"]));
        assert.deepStrictEqual(kinds, expected);
        assert.deepStrictEqual(Object.keys(STACK_POLICIES).filter((name) => !(name in kinds)), [], "every listed policy exists");
    });

    for (const policy of policies) {
        describe(policy.name, () => {
            it("has an aws-<service>-<resource>-<rule> kebab-case name", () => {
                assert.match(policy.name, /^aws-[a-z0-9]+(-[a-z0-9]+){2,}$/);
            });
            it("has a one-sentence description saying what and why", () => {
                assert.match(policy.description, /^[A-Z].*, because .*\.$/);
                assert.doesNotMatch(policy.description, /\.\s+[A-Z]/, "one sentence");
            });
            it("declares its enforcement level and a config schema", () => {
                assert.ok(policy.enforcementLevel === "mandatory" || policy.enforcementLevel === "advisory");
                assert.ok(policy.configSchema?.properties !== undefined);
                for (const [key, schema] of Object.entries(policy.configSchema.properties)) {
                    assert.ok("default" in schema, `${key} has a default`);
                }
            });
            it("refuses config properties its schema does not declare (a closed schema, enforced by the pack)", () => {
                assert.strictEqual((policy.configSchema as { additionalProperties?: unknown }).additionalProperties, false);
            });
            it("has a stack that passes it and a stack it flags", () => {
                const cases = CASES.filter((c) => c.policy === policy.name);
                assert.ok(cases.some((c) => c.violation !== undefined), "a failing case");
                assert.ok(cases.some((c) => c.violation === undefined), "a passing case");
            });
        });
    }

    it("lists every policy in the README table, with where it runs and its level", () => {
        const readme = fs.readFileSync(path.join(PACK_DIR, "README.md"), "utf8");
        const rows = [...readme.matchAll(/^\| `(aws-[a-z0-9-]+)` \| (resource|stack) \| (\w+)/gm)].map((m) => [m[1], m[2], m[3]]);
        assert.deepStrictEqual(rows, policies.map((p) => [p.name, "validateStack" in p ? "stack" : "resource", p.enforcementLevel]));
    });

    it("keeps the two core rules mandatory", () => {
        const core = ["aws-cloudmap-namespace-disallow-public", "aws-cloudmap-namespace-no-exposed-services", "aws-cloudmap-service-max-ttl"];
        assert.deepStrictEqual(policies.filter((p) => core.includes(p.name)).map((p) => p.enforcementLevel), ["mandatory", "mandatory", "mandatory"]);
    });

    it("tests only policies that exist", () => {
        const names = new Set(policies.map((p) => p.name));
        assert.deepStrictEqual(CASES.filter((c) => !names.has(c.policy)).map((c) => c.policy), []);
    });

    it("registers every policy in the pack the engine starts, with its level", async () => {
        buildPack();
        const session = await startPolicyPack(PACK_DIR);
        try {
            const info = await session.info();
            assert.strictEqual(info.name, "cloudmap-discovery");
            assert.deepStrictEqual(
                info.policies.map((p) => [p.name, p.enforcementLevel]),
                policies.map((p) => [p.name, p.enforcementLevel]));
        } finally {
            await session.close();
        }
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exitCodeOf, planProgram } from "../../engine/plan/planProgram";
import { PolicyPackError } from "../../engine/plan/policy";
import { ProgramError } from "../../engine/plan/runProgram";
import { fixture } from "./fixtures";

describe("plan: planning programs in-process", () => {
    it("skips policy with policyPack: false (--no-policy)", async () => {
        const plan = await planProgram(fixture("public-namespace"), { policyPack: false });
        assert.strictEqual(plan.policy, undefined);
        assert.strictEqual(exitCodeOf(plan), 0);
        assert.deepStrictEqual(plan.dnsRecords.map((r) => `${r.name} ${r.type} ${r.ttl}`), ["payments.shop.example.com SRV 300"]);
    });

    it("applies a policy pack config (--policy-pack-config): every policy advisory, nothing blocks", async () => {
        const plan = await planProgram(fixture("public-namespace"), { policyPackConfig: { all: "advisory" } });
        assert.ok(plan.policy !== undefined && plan.policy.violations.length > 0);
        assert.deepStrictEqual([...new Set(plan.policy.violations.map((v) => v.level))], ["advisory"]);
        assert.strictEqual(exitCodeOf(plan), 0);
    });

    it("shows what AWS would receive after remediation: the TTL clamped in records and staleness", async () => {
        const plan = await planProgram(fixture("public-namespace"), {
            policyPackConfig: { "aws-cloudmap-service-max-ttl": { enforcementLevel: "remediate", maxTtlSeconds: 30 } },
        });
        assert.deepStrictEqual(plan.policy?.remediations.map((r) => r.policy), ["aws-cloudmap-service-max-ttl"]);
        assert.deepStrictEqual(plan.dnsRecords.map((r) => `${r.name} ${r.type} ${r.ttl}`), ["payments.shop.example.com SRV 30"]);
        assert.strictEqual(plan.estimates.stalenessSeconds, 60);
    });

    it("reads Pulumi.yaml: its main, config defaults and aws:region (which the mocks' ARNs follow)", async () => {
        const plan = await planProgram(fixture("config-echo"), { policyPack: false });
        assert.deepStrictEqual(plan.outputs.namespaceName, "default.local");
        assert.deepStrictEqual(plan.outputs.stackOnly, null);
        assert.match(String(plan.outputs.namespaceArn), /^arn:aws:servicediscovery:eu-west-1:\d{12}:namespace\/ns-/);
    });

    it("honours the stack's config file Pulumi.<stack>.yaml", async () => {
        const plan = await planProgram(fixture("config-echo"), { stack: "ci", policyPack: false });
        assert.strictEqual(plan.project.stack, "ci");
        assert.deepStrictEqual(plan.outputs.stackOnly, "from-stack-file");
        assert.deepStrictEqual(plan.dnsRecords.map((r) => r.name), ["api.ci.internal"]);
    });

    it("hands --config values to the program, over the stack file", async () => {
        const plan = await planProgram(fixture("config-echo"), { stack: "ci", config: { namespaceName: "override.local" }, policyPack: false });
        assert.strictEqual(plan.outputs.namespaceName, "override.local");
        assert.deepStrictEqual(plan.dnsRecords.map((r) => r.name), ["api.override.local"]);
    });

    it("reports an invoke the mocks do not answer, naming its token (a JavaScript program)", async () => {
        await assert.rejects(planProgram(fixture("unknown-invoke"), { policyPack: false }), (err: Error) =>
            err instanceof ProgramError && err.message.includes('no mock for invoke "aws:ssm/getParameter:getParameter"'));
    });

    it("fails with the program's own error when it throws", async () => {
        await assert.rejects(planProgram(fixture("throws"), { policyPack: false }), (err: Error) =>
            err instanceof ProgramError && err.message.includes('QuickShipTopology "shop" has invalid arguments') && err.message.includes("ttlSeconds: "));
    });

    it("refuses an unbuilt policy pack before running the program", async () => {
        const pack = fs.mkdtempSync(path.join(os.tmpdir(), "plan-pack-"));
        fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "p", version: "1.0.0", main: "bin/index.js" }));
        await assert.rejects(planProgram(fixture("throws"), { policyPack: pack }), (err: Error) =>
            err instanceof PolicyPackError && err.message.includes("not built (bin/index.js is missing)"));
    });
});

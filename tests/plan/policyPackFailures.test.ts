import * as assert from "assert";
import { fixture, fixturePack } from "./fixtures";
import { descendants, isRunning, plan, Run, startPlan } from "./runCli";

describe("plan: a policy pack that hangs, dies or answers at length", function () {
    this.timeout(180_000);
    let hangs: Run;
    let hangsPacks: number[];
    let dies: Run;
    let many: Run;

    before(async () => {
        const env = { EXIT_CODE: "none" };
        const hanging = startPlan([fixture("exits"), "--policy-pack", fixturePack("hang"), "--timeout", "20"], { env });
        const packs = hanging.stderrMatches(/running 1 policies/).then(() => descendants(hanging.child.pid ?? -1).filter((p) => p.command.includes("run-policy-pack")).map((p) => p.pid));
        [hangs, hangsPacks, dies, many] = await Promise.all([
            hanging.done,
            packs,
            plan([fixture("exits"), "--policy-pack", fixturePack("dies")], { env }),
            plan([fixture("exits"), "--policy-pack", fixturePack("many-findings"), "--json"], { env }),
        ]);
    });

    it("gives up on a pack that stops answering at the plan's deadline, naming the pack and the call, and stops it", () => {
        assert.strictEqual(hangs.code, 2);
        assert.match(hangs.stderr, /error: policy pack "plan-test-hang" \(.*packs\/hang\) did not answer Analyze of urn:pulumi:dev::exits::\S+ in time \(the plan's --timeout\): it may be stuck in a policy\./);
        assert.strictEqual(hangsPacks.length, 1);
        assert.deepStrictEqual(hangsPacks.filter(isRunning), []);
    });

    it("names the pack, how it exited and what it was doing when it dies mid-run", () => {
        assert.strictEqual(dies.code, 2);
        assert.match(dies.stderr, /error: policy pack "plan-test-dies" \(.*packs\/dies\) exited \(code 7\) during Analyze of urn:pulumi:dev::exits::/);
    });

    it("accepts answers as large as the pack's server sends (7,000 findings, about 8 MB)", () => {
        assert.strictEqual(many.code, 1, many.stderr);
        const violations = (JSON.parse(many.stdout) as { policy: { violations: { policy: string; level: string }[] } }).policy.violations;
        assert.strictEqual(violations.length, 7000);
        assert.ok(violations.every((v) => v.policy === "many-findings" && v.level === "mandatory"));
    });
});

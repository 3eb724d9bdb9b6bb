import * as assert from "assert";
import { fixture, fixturePack } from "./fixtures";
import { descendants, isRunning, Run, startCommand, startPlan, StartedRun } from "./runCli";

const RUNNING_POLICIES = /running 1 policies of plan-test-hang/;

/** Waits until every pid is gone (killed and reaped, or a zombie of a parent that is gone). */
async function allGone(pids: readonly number[], withinMs = 10_000): Promise<number[]> {
    const until = Date.now() + withinMs;
    while (pids.some(isRunning) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return pids.filter(isRunning);
}

/** Starts a plan stuck in the policy pack (it never answers), and waits until it is. */
async function stuckInPack(start: () => StartedRun): Promise<{ run: StartedRun; tree: { pid: number; command: string }[] }> {
    const run = start();
    await run.stderrMatches(RUNNING_POLICIES);
    return { run, tree: descendants(run.child.pid ?? -1) };
}

describe("plan: signals stop the plan and everything it started", function () {
    this.timeout(180_000);
    const planArgs = [fixture("exits"), "--policy-pack", fixturePack("hang"), "--timeout", "150"];
    const env = { EXIT_CODE: "none" };
    const results = new Map<string, { run: Run; tree: { pid: number; command: string }[]; left: number[] }>();

    before(async () => {
        const cases: [string, () => StartedRun, NodeJS.Signals][] = [
            ["SIGINT", () => startPlan(planArgs, { env }), "SIGINT"],
            ["SIGTERM", () => startPlan(planArgs, { env }), "SIGTERM"],
            ["SIGHUP", () => startPlan(planArgs, { env }), "SIGHUP"],
            ["npm", () => startCommand("npm", ["run", "plan", "--", ...planArgs], env), "SIGTERM"],
            ["program", () => startPlan([fixture("stalls-with-timer"), "--policy-pack", fixturePack("hang"), "--timeout", "150"]), "SIGINT"],
        ];
        await Promise.all(cases.map(async ([name, start, signal]) => {
            const { run, tree } = name === "program"
                ? await (async () => {
                    // Stopped while its program is still running: wait for the pack to be up as well.
                    const started = start();
                    await started.stderrMatches(/starting policy pack/);
                    await new Promise((resolve) => setTimeout(resolve, 1_500));
                    return { run: started, tree: descendants(started.child.pid ?? -1) };
                })()
                : await stuckInPack(start);
            run.child.kill(signal);
            const result = await run.done;
            results.set(name, { run: result, tree, left: await allGone(tree.map((p) => p.pid)) });
        }));
    });

    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
        it(`${signal} stops the CLI with ${code} and stops the policy pack`, () => {
            const { run, tree, left } = results.get(signal) ?? assert.fail("not run");
            assert.strictEqual(run.code, code, run.stderr);
            assert.ok(tree.some((p) => p.command.includes("run-policy-pack")), `the pack was running: ${JSON.stringify(tree)}`);
            assert.deepStrictEqual(left, [], "no child left running");
            assert.match(run.stderr, new RegExp(`plan: stopped by ${signal}\\n$`));
            assert.strictEqual(run.stdout, "");
        });
    }

    it("SIGTERM to npm running the plan stops the CLI and the policy pack (npm's shell does not pass it on)", () => {
        const { tree, left } = results.get("npm") ?? assert.fail("not run");
        assert.ok(tree.some((p) => p.command.includes("run-policy-pack")), JSON.stringify(tree));
        assert.ok(tree.some((p) => p.command.includes("engine/plan/cli.ts")), JSON.stringify(tree));
        assert.deepStrictEqual(left, [], `left running: ${JSON.stringify(tree.filter((p) => left.includes(p.pid)))}`);
    });

    it("stops the program's own process too", () => {
        const { run, tree, left } = results.get("program") ?? assert.fail("not run");
        assert.strictEqual(run.code, 130, run.stderr);
        assert.ok(tree.some((p) => p.command.includes("programHost")), JSON.stringify(tree));
        assert.deepStrictEqual(left, []);
    });
});

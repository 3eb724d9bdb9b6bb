import * as assert from "assert";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { fixture } from "./fixtures";
import { plan, Run } from "./runCli";

/** A failed run: exit 2, no plan on stdout, the error on stderr. */
function assertNoPlan(run: Run, message: RegExp): void {
    assert.strictEqual(run.code, 2, run.stderr);
    assert.strictEqual(run.stdout, "", "nothing on stdout: no plan, clean-looking or not");
    assert.match(run.stderr, message);
}

describe("plan: programs that fail, hang or exit are exit 2, never a plan", function () {
    this.timeout(180_000);
    const portFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-open-handles-")), "port");
    let stalls: Run;
    let stallsWithTimer: Run;
    let throwsInTimer: Run;
    let lateRejection: Run;
    let exits: Run;
    let openHandles: Run;
    let unknownInvoke: Run;
    let slowTimer: Run;
    let exitCode: Run;

    before(async () => {
        [stalls, stallsWithTimer, throwsInTimer, lateRejection, exits, openHandles, unknownInvoke, slowTimer, exitCode] = await Promise.all([
            plan([fixture("stalls"), "--no-policy"]),
            plan([fixture("stalls-with-timer"), "--no-policy", "--timeout", "15"]),
            plan([fixture("throws-in-timer"), "--no-policy"]),
            // With the policy pack: the rejection comes while (or after) the pack runs.
            plan([fixture("late-rejection")]),
            plan([fixture("exits"), "--no-policy"]),
            plan([fixture("open-handles"), "--no-policy", "--json"], { env: { PORT_FILE: portFile } }),
            plan([fixture("unknown-invoke"), "--no-policy"]),
            plan([fixture("slow-timer"), "--no-policy"]),
            plan([fixture("exit-code"), "--no-policy"]),
        ]);
    });

    it("names what never finished when the program stops making progress (nothing left to run)", () => {
        assertNoPlan(stalls, /error: tests\/plan\/fixtures\/stalls stopped making progress: nothing is left to run/);
        assert.match(stalls.stderr, /^ {2}- resource "app-logs" \(aws:cloudwatch\/logGroup:LogGroup\), waiting for its input "name"$/m);
        assert.match(stalls.stderr, /^ {2}- stack output "logGroupName"$/m);
        assert.doesNotMatch(stalls.stderr, /"fine"/, "what finished is not listed");
    });

    it("stops a program kept busy by a live timer at --timeout, naming what was pending", () => {
        assertNoPlan(stallsWithTimer, /error: tests\/plan\/fixtures\/stalls-with-timer did not finish in time: the plan's time limit \(--timeout\) ran out/);
        assert.match(stallsWithTimer.stderr, /- resource "app-logs" \(aws:cloudwatch\/logGroup:LogGroup\), waiting for its input "name"/);
    });

    it("fails with the program's error and line when a timer throws", () => {
        // Whether the timer fires before or after the outputs settle depends on the machine's speed; either fails the plan.
        assertNoPlan(throwsInTimer, /failed( after its resources and outputs had settled \(in a timer or callback\))?: the image tag lookup failed\n {2}at .*fixtures\/throws-in-timer\/index\.js:7:11\)/);
    });

    it("fails when a rejection comes after the resources settled, even while the policy pack runs", () => {
        assertNoPlan(lateRejection, /failed after its resources and outputs had settled .*: a late rejection nobody handled\n {2}at .*late-rejection\/index\.js:8:\d+\)/);
    });

    it("fails when the program calls process.exit, with its line", () => {
        assertNoPlan(exits, /failed: the program called process\.exit\(3\)\n {2}at .*fixtures\/exits\/index\.js:6:13\)/);
    });

    it("fails when the program leaves a failing process.exitCode, without calling it late", () => {
        assertNoPlan(exitCode, /failed: the program set process\.exitCode = 4 \(the language host fails a program that ends with a non-zero exit code\)/);
        assert.doesNotMatch(exitCode.stderr, /after its resources and outputs had settled/);
    });

    it("plans a program with a timer pending long after its outputs settled, saying it stopped waiting for it", () => {
        assert.strictEqual(slowTimer.code, 0, slowTimer.stderr);
        assert.match(slowTimer.stderr, /warning: the program still had timers or I\/O pending 5 s after its outputs settled; the plan stopped waiting for them \(pulumi preview would wait, and fail if they throw\)/);
    });

    it("fails naming an invoke the mocks do not answer", () => {
        assertNoPlan(unknownInvoke, /no mock for invoke "aws:ssm\/getParameter:getParameter"/);
    });

    it("is not kept alive by intervals and servers the program leaves open, and stops them", async () => {
        assert.strictEqual(openHandles.code, 0, openHandles.stderr);
        const doc = JSON.parse(openHandles.stdout);
        assert.deepStrictEqual(doc.resources.map((r: { name: string }) => r.name), ["open-handles-dev", "app-logs"]);
        // The program's server listened on this port; with its process gone, nothing answers there.
        assert.strictEqual(await listening(Number(fs.readFileSync(portFile, "utf8"))), false);
    });
});

/** Resolves true when something accepts a TCP connection on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

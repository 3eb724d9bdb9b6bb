import * as assert from "assert";
import { fixture } from "./fixtures";
import { plan, Run } from "./runCli";

describe("plan: ES module programs", function () {
    this.timeout(180_000);
    let typeScript: Run;
    let javaScript: Run;
    let commonJsAwait: Run;

    before(async () => {
        [typeScript, javaScript, commonJsAwait] = await Promise.all([
            plan([fixture("esm-ts"), "--no-policy", "--json"]),
            plan([fixture("esm-js"), "--no-policy", "--json"]),
            plan([fixture("cjs-top-level-await"), "--no-policy"]),
        ]);
    });

    it('plans TypeScript in a "type": "module" package, with top-level await, type-checked', () => {
        assert.strictEqual(typeScript.code, 0, typeScript.stderr);
        assert.deepStrictEqual(JSON.parse(typeScript.stdout).dnsRecords.map((r: { name: string }) => r.name), ["api.esm.internal"]);
        assert.match(typeScript.stderr, /type check passed/);
    });

    it("plans a JavaScript ES module with top-level await", () => {
        assert.strictEqual(javaScript.code, 0, javaScript.stderr);
        assert.deepStrictEqual(JSON.parse(javaScript.stdout).dnsRecords.map((r: { ttl: number }) => r.ttl), [15]);
    });

    it("refuses top-level await in a CommonJS program naming the limitation and the fix, not the plan's own files", () => {
        assert.strictEqual(commonJsAwait.code, 2);
        assert.match(commonJsAwait.stderr, /index\.js uses top-level await, which only ES modules may.*Fix: add "type": "module" to the program's package\.json .* or move the code into an exported async function/);
        assert.doesNotMatch(commonJsAwait.stderr, /engine[/\\]plan|programHost/);
    });
});

import * as assert from "assert";
import { fixture, fixturePack, REPO_ROOT } from "./fixtures";
import { plan, planPipedToHead, Run } from "./runCli";

describe("plan: the CLI's output and exit status", function () {
    this.timeout(180_000);
    let publicNamespace: Run;
    let throws: Run;
    let throwsCompiled: Run;
    let json: Run;
    let usage: Run;
    let jsonFailure: Run;
    let jsonUsage: Run;
    let head: Run;
    let serviceConnect: Run;

    // Each run starts Node and the SDK; running them side by side keeps this quick. The first
    // four run from the TypeScript sources, as `npm run plan` does; the rest run compiled.
    before(async () => {
        [publicNamespace, throws, throwsCompiled, json, usage, jsonFailure, jsonUsage, head, serviceConnect] = await Promise.all([
            plan([fixture("public-namespace")], { fromSource: true }),
            plan([fixture("throws")], { fromSource: true }),
            plan([fixture("throws"), "--no-policy"]),
            plan([fixture("config-echo"), "--json", "--no-policy", "--config", "namespaceName=cli.local"], { fromSource: true }),
            plan([], { fromSource: true }),
            plan([fixture("exits"), "--json", "--no-policy"]),
            plan(["--json", "--bogus"]),
            // 7,000 findings: far more JSON than a pipe holds, so stdout is closed while it is written.
            planPipedToHead(["--json", "--policy-pack", fixturePack("many-findings"), fixture("imports")]),
            plan([REPO_ROOT, "--config", "quickship:discoveryMode=service-connect"]),
        ]);
    });

    it("plans QuickShip in Service Connect mode clean, showing its endpoint", () => {
        assert.strictEqual(serviceConnect.code, 0, serviceConnect.stderr);
        assert.match(serviceConnect.stdout, /inventory-manager:80 → http:\/\/inventory-manager:80 via namespace quickship\.local/);
        assert.match(serviceConnect.stdout, /✔ No mandatory policy violations\.\n$/);
    });

    it("exits 1 on mandatory violations, naming the public namespace and the 300 s TTL", () => {
        assert.strictEqual(publicNamespace.code, 1, publicNamespace.stderr);
        assert.match(publicNamespace.stdout, /✖ mandatory +aws-cloudmap-namespace-disallow-public: .*"shop\.example\.com"/);
        assert.match(publicNamespace.stdout, /✖ mandatory +aws-cloudmap-service-max-ttl: .*TTL is 300 s/);
        assert.match(publicNamespace.stdout, /mandatory policy violations: this stack would not deploy/);
    });

    it("exits 2 when a component refuses its arguments, naming the resource, argument, rule and fix, and the program line", () => {
        assert.strictEqual(throws.code, 2);
        assert.match(throws.stderr, /error: .*QuickShipTopology "shop" has invalid arguments/);
        assert.match(throws.stderr, /ttlSeconds: The SRV record's TTL is 600 s, above the 60 s ceiling.* Fix: Set the TTL to 60 s or less/);
        assert.match(throws.stderr, /at .*fixtures[/\\]throws[/\\]index\.ts:4:1\)/, "the line in the TypeScript source");
        // Compiled too (one of the two runs finds the other's compiled TypeScript in the cache): the same line.
        assert.match(throwsCompiled.stderr, /at .*fixtures[/\\]throws[/\\]index\.ts:4:1\)/);
        assert.strictEqual(throws.stdout, "");
    });

    it("prints exactly one JSON document on stdout with --json, progress on stderr, no colour when piped", () => {
        assert.strictEqual(json.code, 0, json.stderr);
        const doc = JSON.parse(json.stdout);
        assert.deepStrictEqual(Object.keys(doc), ["resources", "dnsRecords", "serviceConnect", "opaque", "policy", "estimates", "connectivity", "grants", "environment", "outputs"]);
        assert.deepStrictEqual(doc.dnsRecords.map((r: { name: string }) => r.name), ["api.cli.local"]);
        assert.deepStrictEqual(doc.policy, { violations: [] });
        assert.match(json.stderr, /^plan: Running .* under mocks\.\.\.$/m);
        assert.doesNotMatch(json.stdout + json.stderr, /\x1b\[/);
    });

    it("exits 2 with the usage on bad arguments", () => {
        assert.strictEqual(usage.code, 2);
        assert.match(usage.stderr, /error: missing <programDir>/);
        assert.match(usage.stderr, /Usage: npm run plan -- <programDir>/);
        assert.strictEqual(usage.stdout, "");
    });

    it("prints one failure document, and no plan, on stdout with --json when no plan can be made", () => {
        assert.strictEqual(jsonFailure.code, 2);
        assert.deepStrictEqual(JSON.parse(jsonFailure.stdout), {
            error: {
                kind: "program",
                message: "tests/plan/fixtures/exits failed: the program called process.exit(3)",
                location: `at Object.<anonymous> (${fixture("exits")}/index.js:6:13)`,
            },
        });
        assert.strictEqual(jsonUsage.code, 2);
        assert.strictEqual(JSON.parse(jsonUsage.stdout).error.kind, "usage");
    });

    it("ends quietly when stdout is closed early (| head -1): no EPIPE, the plan's own exit status", () => {
        assert.strictEqual(head.stdout.trim().split("\n")[0], "{");
        assert.match(head.stdout, /^plan exit: 1$/m);
        assert.doesNotMatch(head.stderr, /EPIPE|Error:/);
    });
});

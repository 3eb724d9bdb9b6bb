import * as assert from "assert";
import { CliRun as Run, runPlanCli as plan } from "./cliRun";
import { fixture } from "./fixtures";

describe("plan: the CLI's output and exit status", function () {
    this.timeout(120_000);
    let publicNamespace: Run;
    let throws: Run;
    let json: Run;
    let usage: Run;

    // Each run starts Node, TypeScript and the SDK; running them side by side keeps this quick.
    before(async () => {
        [publicNamespace, throws, json, usage] = await Promise.all([
            plan(fixture("public-namespace")),
            plan(fixture("throws")),
            plan(fixture("config-echo"), "--json", "--no-policy", "--config", "namespaceName=cli.local"),
            plan(),
        ]);
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
        assert.match(throws.stderr, /at .*fixtures[/\\]throws[/\\]index\.ts:\d+/);
        assert.strictEqual(throws.stdout, "");
    });

    it("prints exactly one JSON document on stdout with --json, progress on stderr, no colour when piped", () => {
        assert.strictEqual(json.code, 0, json.stderr);
        const doc = JSON.parse(json.stdout);
        assert.deepStrictEqual(Object.keys(doc), ["resources", "dnsRecords", "policy", "estimates", "connectivity", "grants", "environment", "outputs"]);
        assert.deepStrictEqual(doc.dnsRecords.map((r: { name: string }) => r.name), ["api.cli.local"]);
        assert.deepStrictEqual(doc.policy, { violations: [] });
        assert.match(json.stderr, /^plan: Running .* under mocks\.\.\.$/m);
        assert.doesNotMatch(json.stdout + json.stderr, /\x1b\[/);
    });

    it("exits 2 with the usage on bad arguments", () => {
        assert.strictEqual(usage.code, 2);
        assert.match(usage.stderr, /error: missing <programDir>/);
        assert.match(usage.stderr, /Usage: npm run plan -- <programDir>/);
    });
});

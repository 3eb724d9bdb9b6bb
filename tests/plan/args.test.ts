import * as assert from "assert";
import { parseCliArgs, UsageError } from "../../engine/plan/args";
import { DEFAULT_TRAFFIC } from "../../engine/plan/cost";
import { DEFAULT_TIMEOUT_SECONDS } from "../../engine/plan/planTimeout";

describe("plan: command line", () => {
    it("parses every option", () => {
        assert.deepStrictEqual(parseCliArgs([
            "examples/quickship", "--json", "--stack", "prod", "--config", "ttl=10", "--config", "aws:region=eu-west-1",
            "--policy-pack", "pack", "--policy-pack-config", "policy.json", "--dns-queries-millions", "2.5", "--discover-calls-millions=0",
            "--stack-reference-outputs", "refs.json", "--organization", "acme", "--timeout", "30",
        ]), {
            programDir: "examples/quickship",
            format: "json",
            stack: "prod",
            config: { ttl: "10", "aws:region": "eu-west-1" },
            policyPack: "pack",
            policyPackConfigFile: "policy.json",
            stackReferenceOutputsFile: "refs.json",
            organization: "acme",
            timeoutSeconds: 30,
            traffic: { dnsQueriesMillions: 2.5, discoverCallsMillions: 0 },
        });
    });

    it("defaults to the repository's pack, human output and the default traffic", () => {
        const options = parseCliArgs(["."]);
        assert.ok(options !== "help");
        assert.strictEqual(options.policyPack, undefined);
        assert.strictEqual(options.format, "text");
        assert.deepStrictEqual(options.traffic, DEFAULT_TRAFFIC);
        assert.strictEqual(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
        assert.strictEqual(options.organization, undefined);
        assert.strictEqual((parseCliArgs([".", "--no-policy"]) as { policyPack: unknown }).policyPack, false);
        assert.strictEqual(parseCliArgs(["--help"]), "help");
    });

    it("takes --format text, json, sarif or markdown, and --json as --format json", () => {
        for (const format of ["text", "json", "sarif", "markdown"]) {
            assert.strictEqual((parseCliArgs([".", "--format", format]) as { format: unknown }).format, format);
        }
        assert.strictEqual((parseCliArgs([".", "--json", "--format", "json"]) as { format: unknown }).format, "json");
    });

    it("keeps '=' inside config values", () => {
        assert.deepStrictEqual((parseCliArgs([".", "--config", "query=a=b"]) as { config: unknown }).config, { query: "a=b" });
    });

    for (const [argv, message] of [
        [[], /missing <programDir>/],
        [["a", "b"], /expected one <programDir>/],
        [[".", "--bogus"], /Unknown option '--bogus'/],
        [[".", "--config", "novalue"], /--config expects KEY=VALUE/],
        [[".", "--no-policy", "--policy-pack", "x"], /--no-policy cannot be combined/],
        [[".", "--dns-queries-millions=-1"], /--dns-queries-millions expects a number/],
        [[".", "--discover-calls-millions", "lots"], /--discover-calls-millions expects a number/],
        [[".", "--timeout", "0"], /--timeout expects a number of seconds > 0, got "0"/],
        [[".", "--timeout", "soon"], /--timeout expects a number of seconds > 0, got "soon"/],
        [[".", "--organization", " "], /--organization expects a name/],
        [[".", "--format", "html"], /--format expects one of text, json, sarif, markdown, got "html"/],
        [[".", "--json", "--format", "sarif"], /--json means --format json; it cannot be combined with --format sarif/],
    ] as const) {
        it(`rejects ${argv.join(" ") || "no arguments"}`, () => {
            assert.throws(() => parseCliArgs(argv), (err: Error) => err instanceof UsageError && message.test(err.message));
        });
    }
});

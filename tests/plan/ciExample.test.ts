import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseCliArgs } from "../../engine/plan/args";
import { REPO_ROOT } from "./fixtures";

// js-yaml ships no types; the one function used here is declared at the require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

interface Step { readonly uses?: string; readonly run?: string; readonly if?: string; readonly with?: Record<string, string> }

describe("examples/ci/offline-plan.yml", () => {
    const workflow = yaml.load(fs.readFileSync(path.join(REPO_ROOT, "examples", "ci", "offline-plan.yml"), "utf8")) as {
        on: Record<string, unknown>;
        permissions: Record<string, string>;
        jobs: { plan: { steps: Step[] } };
    };
    const steps = workflow.jobs.plan.steps;

    it("plans pull requests with no cloud credentials, with flags the CLI accepts, into the files the later steps read", () => {
        assert.deepStrictEqual(Object.keys(workflow.on), ["pull_request"]);
        assert.doesNotMatch(JSON.stringify(workflow), /secrets\.|AWS_|PULUMI_ACCESS_TOKEN/);
        const plans = steps.flatMap((s) => (s.run ?? "").split("\n")).map((line) => /npm run -s plan -- (.*) > (\S+)$/.exec(line.trim())).filter((m) => m !== null);
        assert.deepStrictEqual(plans.map((m) => [parseCliArgs(m[1].split(" ")), m[2]]).map(([options, file]) => [(options as { format: string }).format, file]),
            [["sarif", "plan.sarif"], ["markdown", "plan.md"]]);
    });

    it("uploads the SARIF to code scanning and comments the markdown, with only the permissions that needs", () => {
        assert.deepStrictEqual(workflow.permissions, { "contents": "read", "actions": "read", "security-events": "write", "pull-requests": "write" });
        assert.strictEqual(steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))?.with?.sarif_file, "plan.sarif");
        assert.match(steps.find((s) => s.uses?.startsWith("actions/github-script@"))?.with?.script ?? "", /readFileSync\("plan\.md"/);
        assert.match(steps[steps.length - 1].if ?? "", /steps\.plan\.outputs\.status == '1'/);
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject } from "../../engine/plan/loadProject";
import { typeCheck } from "../../engine/plan/typeCheck";
import { fixture, REPO_ROOT } from "./fixtures";
import { plan, Run } from "./runCli";

/** A copy of a fixture in a fresh directory (so its type check is not cached yet), resolving packages from the repository. */
function freshCopy(name: "type-error"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-typecheck-"));
    fs.cpSync(fixture(name), dir, { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

describe("plan: type checking, as pulumi preview does it", function () {
    this.timeout(180_000);
    let typeError: Run;
    let transpileOnly: Run;
    let noCheck: Run;
    let typeErrorJson: Run;

    before(async () => {
        [typeError, transpileOnly, noCheck, typeErrorJson] = await Promise.all([
            plan([fixture("type-error"), "--no-policy"]),
            plan([fixture("type-error"), "--no-policy"], { env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } }),
            plan([fixture("type-error-nocheck"), "--no-policy"]),
            plan([fixture("type-error"), "--no-policy", "--json"]),
        ]);
    });

    it("refuses a TypeScript program with type errors (exit 2), naming file, line and error, and the opt-outs", () => {
        assert.strictEqual(typeError.code, 2);
        assert.strictEqual(typeError.stdout, "");
        assert.match(typeError.stderr, /error: TypeScript reports errors in the program; pulumi preview would refuse to run it:\ntests\/plan\/fixtures\/type-error\/index\.ts\(5,7\): error TS2322: Type 'string' is not assignable to type 'number'\./);
        assert.match(typeError.stderr, /opt out with PULUMI_NODEJS_TRANSPILE_ONLY=true or "noCheck": true in the program's tsconfig/);
        assert.strictEqual(JSON.parse(typeErrorJson.stdout).error.kind, "type-check");
    });

    it("skips the check where the language host does: PULUMI_NODEJS_TRANSPILE_ONLY=true, or noCheck in the tsconfig", () => {
        assert.strictEqual(transpileOnly.code, 0, transpileOnly.stderr);
        assert.match(transpileOnly.stderr, /type check skipped: type checking is off: PULUMI_NODEJS_TRANSPILE_ONLY=true/);
        assert.strictEqual(noCheck.code, 0, noCheck.stderr);
        assert.match(noCheck.stderr, /type check skipped: type checking is off: "noCheck": true in tsconfig\.json/);
    });

    it("caches the outcome until a file the check read changes", async () => {
        const dir = freshCopy("type-error");
        const project = loadProject(dir);
        const deadline = Date.now() + 120_000;
        const first = await typeCheck(project, deadline);
        assert.deepStrictEqual([first.status, first.cached], ["failed", false]);
        const again = await typeCheck(project, deadline);
        assert.deepStrictEqual([again.status, again.cached, again.detail], ["failed", true, first.detail]);
        fs.writeFileSync(path.join(dir, "index.ts"), 'export const desired: number = 2;\n');
        const fixed = await typeCheck(project, deadline);
        assert.deepStrictEqual([fixed.status, fixed.cached], ["passed", false]);
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, namespaceConfig, ProjectError } from "../../engine/plan/loadProject";

/** Writes a throwaway project directory from file name → contents. */
function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-project-"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("plan: loading a Pulumi project", () => {
    it("puts bare keys in the project namespace and leaves namespaced keys alone", () => {
        assert.deepStrictEqual(namespaceConfig("shop", { ttl: "10", "aws:region": "eu-west-1" }), { "shop:ttl": "10", "aws:region": "eu-west-1" });
    });

    it("layers Pulumi.yaml defaults, then Pulumi.<stack>.yaml, then overrides", () => {
        const dir = project({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: src/\nconfig:\n  ttl:\n    type: integer\n    default: 10\n  env: prod\n  aws:region:\n    value: eu-west-1\n",
            "Pulumi.ci.yaml": "config:\n  shop:env: ci\n  shop:ports: [80, 443]\n  aws:region: us-west-2\n",
        });
        const loaded = loadProject(dir, { stack: "ci", config: { ttl: "5" } });
        assert.strictEqual(loaded.main, path.join(dir, "src"));
        assert.strictEqual(loaded.stackConfigFile, path.join(dir, "Pulumi.ci.yaml"));
        assert.deepStrictEqual(loaded.config, { "shop:ttl": "5", "shop:env": "ci", "shop:ports": "[80,443]", "aws:region": "us-west-2" });
    });

    it("defaults to stack dev and the project directory as main, with runtime given as an object", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime:\n  name: nodejs\n" });
        const loaded = loadProject(dir);
        assert.strictEqual(loaded.stack, "dev");
        assert.strictEqual(loaded.main, dir);
        assert.strictEqual(loaded.stackConfigFile, undefined);
    });

    it("refuses a secret it cannot decrypt unless a stand-in is given", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  shop:token:\n    secure: v1:abc\n" });
        assert.throws(() => loadProject(dir), (err: Error) => err instanceof ProjectError && /"shop:token" is a secret.*--config shop:token=VALUE/.test(err.message));
        assert.strictEqual(loadProject(dir, { config: { token: "stand-in" } }).config["shop:token"], "stand-in");
    });

    it("explains what is missing: no Pulumi.yaml, no name, another runtime", () => {
        assert.throws(() => loadProject(project({})), /has no Pulumi\.yaml/);
        assert.throws(() => loadProject(project({ "Pulumi.yaml": "runtime: nodejs\n" })), /"name" is required/);
        assert.throws(() => loadProject(project({ "Pulumi.yaml": "name: p\nruntime: python\n" })), /runtime is "python"/);
        assert.throws(() => loadProject(project({ "Pulumi.yaml": "name: [\n" })), /not valid YAML/);
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, namespaceConfig, ProjectError } from "../../engine/plan/loadProject";

/** Writes a throwaway project directory from file name → contents (a name ending in / is a directory). */
function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-project-"));
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(name.endsWith("/") ? file : path.dirname(file), { recursive: true });
        if (!name.endsWith("/")) {
            fs.writeFileSync(file, text);
        }
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
            "src/": "",
        });
        const loaded = loadProject(dir, { stack: "ci", config: { ttl: "5" } });
        assert.strictEqual(loaded.main, path.join(dir, "src"));
        assert.strictEqual(loaded.mainIsFile, false);
        assert.strictEqual(loaded.programDir, path.join(dir, "src"));
        assert.strictEqual(loaded.stackConfigFile, path.join(dir, "Pulumi.ci.yaml"));
        assert.deepStrictEqual(loaded.config, { "shop:ttl": "5", "shop:env": "ci", "shop:ports": "[80,443]", "aws:region": "us-west-2" });
    });

    it("defaults to stack dev and the project directory as main, with runtime given as an object", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n" });
        const loaded = loadProject(dir);
        assert.strictEqual(loaded.stack, "dev");
        assert.strictEqual(loaded.main, dir);
        assert.strictEqual(loaded.stackConfigFile, undefined);
        assert.deepStrictEqual(loaded.runtimeOptions, { typescript: false, tsconfig: undefined });
    });

    it("takes a main file's directory as the program's working directory, as the Pulumi CLI does", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: app/index.ts\n", "app/index.ts": "" });
        const loaded = loadProject(dir);
        assert.deepStrictEqual([loaded.main, loaded.mainIsFile, loaded.programDir], [path.join(dir, "app", "index.ts"), true, path.join(dir, "app")]);
    });

    it("reads stack config files from stackConfigDir", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nstackConfigDir: config\n", "config/Pulumi.prod.yaml": "config:\n  shop:env: prod\n" });
        assert.strictEqual(loadProject(dir, { stack: "acme/shop/prod" }).config["shop:env"], "prod");
    });

    it("refuses a stack with no config file, naming the stacks that have one, as the CLI refuses an unknown stack", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "Pulumi.prod.yaml": "config: {}\n", "Pulumi.ci.yaml": "config: {}\n" });
        assert.throws(() => loadProject(dir, { stack: "prdo" }), (err: Error) =>
            err instanceof ProjectError && err.message.startsWith("no stack named 'prdo' found: there is no Pulumi.prdo.yaml") && err.message.includes("Stacks with a config file here: ci, prod."));
        // No --stack: dev, but never silently without config when the project has stack files.
        assert.throws(() => loadProject(dir), (err: Error) => err instanceof ProjectError && /no --stack given .* no Pulumi\.dev\.yaml: choose the stack to plan with --stack NAME\. Stacks with a config file here: ci, prod\./.test(err.message));
    });

    it("refuses an empty aws:region and a main that does not exist", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n" });
        assert.throws(() => loadProject(dir, { config: { "aws:region": "" } }), /aws:region is set but empty/);
        assert.throws(() => loadProject(project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: missing.ts\n" })), /main "missing\.ts" does not exist/);
        assert.throws(() => loadProject(project({ "Pulumi.yaml": "name: shop\nruntime:\n  name: nodejs\n  options:\n    typescript: yes please\n" })), /runtime\.options\.typescript must be a boolean/);
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

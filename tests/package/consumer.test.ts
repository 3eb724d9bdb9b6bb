import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const PACKAGE_DIR = path.join("node_modules", "@quickship", "cloudmap-discovery");

/** The consumer's peers, at the versions this repository tests (its own dev dependencies). */
const PEERS = ["@pulumi/pulumi", "@pulumi/aws", "typescript"].map((name) => `${name}@${manifest.devDependencies[name]}`);

interface Exit { code: number; stdout: string; stderr: string }

async function exitOf(command: string, args: string[], cwd: string): Promise<Exit> {
    try {
        const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        if (typeof failed.code !== "number") {
            throw error;
        }
        return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
}

function writeProgram(dir: string, name: string, source: string): string {
    const programDir = path.join(dir, name);
    fs.mkdirSync(programDir);
    fs.writeFileSync(path.join(programDir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
    fs.writeFileSync(path.join(programDir, "index.ts"), source);
    return programDir;
}

// A program written as a user writes it: the package imported by its name.
const USES_COMPONENTS = `import { DiscoverableService, PrivateDnsNamespace } from "@quickship/cloudmap-discovery";

const namespace = new PrivateDnsNamespace("shop", { name: "shop.internal", vpcId: "vpc-0123456789abcdef0" });
new DiscoverableService("catalog", { name: "catalog", namespace: { name: "shop.internal", namespaceId: namespace.namespaceId } });
`;

// No component of this package: the plan is for any Pulumi program.
const PLAIN_AWS = `import * as aws from "@pulumi/aws";

const queue = new aws.sqs.Queue("orders", { messageRetentionSeconds: 345600 });
export const queueUrl = queue.url;
`;

// A raw Cloud Map service the packaged policy pack must stop: a 300 s TTL.
const SLOW_TTL = `import * as aws from "@pulumi/aws";

const namespace = new aws.servicediscovery.PrivateDnsNamespace("shop", { name: "shop.internal", vpc: "vpc-0123456789abcdef0" });
new aws.servicediscovery.Service("catalog", {
    name: "catalog",
    dnsConfig: { namespaceId: namespace.id, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "SRV", ttl: 300 }] },
    healthCheckCustomConfig: { failureThreshold: 1 },
});
`;

describe("npm package: installed from its tarball into a fresh project", function () {
    // npm install of the tarball and its peers (from npm's cache when warm) dominates.
    this.timeout(300_000);
    let consumer: string;
    let files: string[];
    let withComponents: Exit;
    let plainAws: Exit;
    let packagedPack: Exit;

    before(async () => {
        consumer = fs.mkdtempSync(path.join(os.tmpdir(), "cloudmap-consumer-"));
        // --ignore-scripts: dist/ and policy-pack/bin were built by npm test's build step; prepare would rebuild them.
        const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", consumer], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
        const [{ filename, files: entries }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
        files = entries.map((f) => f.path);
        fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(consumer, path.basename(filename)), ...PEERS],
            { cwd: consumer, maxBuffer: 16 * 1024 * 1024 });
        const programs = fs.mkdtempSync(path.join(consumer, "programs-"));
        const npx = (program: string, ...flags: string[]) => exitOf("npx", ["--no-install", "cloudmap-plan", program, ...flags], consumer);
        [withComponents, plainAws, packagedPack] = await Promise.all([
            npx(writeProgram(programs, "uses-components", USES_COMPONENTS), "--json"),
            npx(writeProgram(programs, "plain-aws", PLAIN_AWS), "--json"),
            npx(writeProgram(programs, "slow-ttl", SLOW_TTL), "--policy-pack", path.join(PACKAGE_DIR, "policy-pack")),
        ]);
    });

    after(() => {
        if (consumer !== undefined) {
            fs.rmSync(consumer, { recursive: true, force: true });
        }
    });

    it("ships compiled JavaScript, declarations, both CLIs, the compiled policy pack and the licence — no sources, tests or source maps", () => {
        for (const expected of ["LICENSE", "README.md", "dist/components/index.js", "dist/components/index.d.ts", "dist/engine/plan/cli.js", "dist/engine/local/cli.js",
            "policy-pack/PulumiPolicy.yaml", "policy-pack/package.json", "policy-pack/bin/policy-pack/index.js"]) {
            assert.ok(files.includes(expected), `${expected} is in the tarball`);
        }
        const unexpected = files.filter((f) => f.endsWith(".map") || /^(tests|examples|bench)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")));
        assert.deepStrictEqual(unexpected, []);
    });

    it("resolves one copy of the Pulumi SDK: the consumer's", () => {
        assert.ok(fs.existsSync(path.join(consumer, "node_modules", "@pulumi", "pulumi", "package.json")));
        for (const nested of [path.join(PACKAGE_DIR, "node_modules", "@pulumi", "pulumi"), path.join(PACKAGE_DIR, "node_modules", "@pulumi", "aws")]) {
            assert.ok(!fs.existsSync(path.join(consumer, nested)), `${nested} must not exist: the package would register resources with a second SDK`);
        }
    });

    it("plans a program that imports the components by name, running the packaged policy pack by default", () => {
        assert.strictEqual(withComponents.code, 0, withComponents.stderr);
        const plan = JSON.parse(withComponents.stdout);
        const types = plan.resources.map((r: { type: string }) => r.type);
        assert.ok(types.includes("cloudmap-discovery:index:DiscoverableService"), types.join(", "));
        assert.ok(types.includes("aws:servicediscovery/service:Service"), types.join(", "));
        assert.deepStrictEqual(plan.dnsRecords.map((r: { name: string }) => r.name), ["catalog.shop.internal"]);
        assert.deepStrictEqual(plan.policy.violations, []);
    });

    it("plans a program that uses none of the components", () => {
        assert.strictEqual(plainAws.code, 0, plainAws.stderr);
        const plan = JSON.parse(plainAws.stdout);
        assert.deepStrictEqual(plan.resources.map((r: { type: string }) => r.type), ["pulumi:pulumi:Stack", "aws:sqs/queue:Queue"]);
        assert.deepStrictEqual(plan.outputs.map((o: { name: string }) => o.name), ["queueUrl"]);
    });

    it("runs the packaged policy pack along the engine's path, its dependencies resolved from the consumer's install", () => {
        assert.strictEqual(packagedPack.code, 1, packagedPack.stderr);
        assert.match(packagedPack.stdout, /✖ mandatory +aws-cloudmap-service-max-ttl: .*TTL is 300 s/);
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

describe("npm package", () => {
    it("ships compiled JS with type declarations for every export", function () {
        const main = path.join(root, manifest.main);
        if (!fs.existsSync(main)) {
            assert.fail(`${manifest.main} is missing: run "npm run build" (npm test does) before this test`);
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const compiled = require(main);
        for (const name of ["PrivateDnsNamespace", "DiscoverableService", "DiscoverableFargateService", "RegisteredResource", "QuickShipTopology", "DiscoveryNetwork"]) {
            assert.strictEqual(typeof compiled[name], "function", `${name} is exported`);
        }
        const types = fs.readFileSync(path.join(root, manifest.types), "utf8");
        assert.match(types, /QuickShipTopology, QuickShipTopologyArgs/);
    });

    it("declares the Pulumi SDKs as peer dependencies, pinned as dev dependencies at tested versions", () => {
        assert.ok(manifest.peerDependencies["@pulumi/pulumi"]);
        assert.ok(manifest.peerDependencies["@pulumi/aws"]);
        assert.strictEqual(manifest.dependencies?.["@pulumi/pulumi"], undefined);
        assert.match(manifest.devDependencies["@pulumi/pulumi"], /^3\.248\.\d+$/);
        // The plan runs TypeScript programs with the project's own TypeScript, held below 7 (which breaks the SDK).
        assert.strictEqual(manifest.peerDependencies.typescript, ">=5.0.0 <7");
        assert.match(manifest.devDependencies.typescript, /^5\.9\.\d+$/);
    });

    it("uses <pkg>:index:<Type> tokens for every component", () => {
        const sources = fs.readdirSync(path.join(root, "components")).filter((f) => f.endsWith(".ts"));
        const tokens = sources.flatMap((f) => [...fs.readFileSync(path.join(root, "components", f), "utf8").matchAll(/typeToken\("(\w+)"\)/g)].map((m) => m[1]));
        assert.deepStrictEqual(tokens.sort(), [
            "DiscoverableFargateService", "DiscoverableService", "DiscoveryNetwork", "HttpNamespace", "PrivateDnsNamespace", "QuickShipTopology", "RegisteredResource", "ServiceEdge",
        ]);
    });
});

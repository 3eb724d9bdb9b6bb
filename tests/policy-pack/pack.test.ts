import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { AnalyzerSession, analyzeResources, runPolicyPack, startPolicyPack } from "../../engine/policyEngine";
import { RecordedResource } from "../../engine/resourceGraph";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { cloudMapService, privateNamespace } from "./fixtures";
import { asPreview, buildPack, fixture, ofPolicy, PACK_DIR } from "./packHarness";

const QUICKSHIP_PROGRAM = path.join(__dirname, "..", "..", "examples", "quickship", "quickshipProgram.ts");

/** A public namespace with one Cloud Map service whose TTL is `ttl`. */
function publicStack(ttl: number) {
    return fixture(() => {
        const namespace = new aws.servicediscovery.PublicDnsNamespace("public-ns", { name: "api.example.com" });
        cloudMapService(namespace.id, { dnsConfig: { namespaceId: namespace.id, dnsRecords: [{ type: "SRV", ttl }] } });
    });
}

const levels = (violations: { level: string }[]) => [...new Set(violations.map((v) => v.level))].sort();

describe("policy pack: the whole pack driven over gRPC as the engine drives it", function () {
    before(buildPack);

    describe("(a) the QuickShip example", () => {
        let resources: RecordedResource[];
        before(async function () {
            if (!fs.existsSync(QUICKSHIP_PROGRAM)) {
                this.skip();
            }
            const { quickshipProgram } = await import(QUICKSHIP_PROGRAM);
            resources = [...(await runUnderMocks(quickshipProgram)).graph.resources];
        });

        it("passes with no violation at all", async () => {
            const result = await runPolicyPack(PACK_DIR, resources);
            assert.strictEqual(result.packName, "cloudmap-discovery");
            assert.deepStrictEqual(result.violations.map((v) => `${v.policy}: ${v.message}`), []);
            assert.deepStrictEqual(result.remediations, []);
        });

        it("is really inspected: a 5 s ceiling flags both SRV services, and the preview graph stays free of mandatory violations", async () => {
            const strict = await runPolicyPack(PACK_DIR, resources, { config: { "aws-cloudmap-service-max-ttl": { maxTtlSeconds: 5 } } });
            assert.deepStrictEqual(ofPolicy(strict.violations, "aws-cloudmap-service-max-ttl").map((v) => v.urn?.split("::").pop()).sort(),
                ["quickship-inventory-manager", "quickship-order-processor"]);
            const preview = await runPolicyPack(PACK_DIR, asPreview(resources), { preview: true });
            assert.deepStrictEqual(preview.violations.filter((v) => v.level === "mandatory"), []);
        });
    });

    describe("(c) configuration", () => {
        let session: AnalyzerSession;
        before(async () => {
            session = await startPolicyPack(PACK_DIR);
        });
        after(async () => session?.close());

        it("fills schema defaults and policy levels into Configure, as the engine does", async () => {
            const sent = await session.configure();
            assert.deepStrictEqual(sent.get("aws-cloudmap-service-max-ttl"), { enforcementLevel: "mandatory", properties: { maxTtlSeconds: 60 } });
            assert.deepStrictEqual(sent.get("aws-cloudmap-namespace-disallow-public"),
                { enforcementLevel: "mandatory", properties: { allowedPublicNamespaces: [] } });
            assert.deepStrictEqual(sent.get("aws-cloudmap-service-discovery-staleness"),
                { enforcementLevel: "advisory", properties: { maxStalenessSeconds: 60 } });
            const { violations } = await analyzeResources(session, await publicStack(61));
            assert.match(ofPolicy(violations, "aws-cloudmap-service-max-ttl")[0].message, /TTL is 61 s, above the 60 s ceiling/);
        });

        it("overrides a default and a level from a --policy-pack-config object", async () => {
            await session.configure({ "aws-cloudmap-service-max-ttl": { enforcementLevel: "advisory", maxTtlSeconds: 30 } });
            const found = ofPolicy((await analyzeResources(session, await publicStack(45))).violations, "aws-cloudmap-service-max-ttl");
            assert.deepStrictEqual(found.map((v) => v.level), ["advisory"]);
            assert.match(found[0].message, /TTL is 45 s, above the 30 s ceiling/);
        });

        it("allow-lists a public namespace in both public-namespace policies", async () => {
            const allow = { allowedPublicNamespaces: ["api.example.com"] };
            await session.configure({ "aws-cloudmap-namespace-disallow-public": allow, "aws-cloudmap-namespace-no-exposed-services": allow });
            const { violations } = await analyzeResources(session, await publicStack(10));
            assert.deepStrictEqual(violations.map((v) => v.policy), []);
        });

        it("sets every level with \"all\", then lets a policy entry override it", async () => {
            await session.configure({ all: "advisory" });
            const advisory = (await analyzeResources(session, await publicStack(300))).violations;
            assert.deepStrictEqual(levels(advisory), ["advisory"]);
            assert.ok(ofPolicy(advisory, "aws-cloudmap-namespace-disallow-public").length === 1);

            await session.configure({ all: "disabled", "aws-cloudmap-service-max-ttl": "mandatory" });
            const only = (await analyzeResources(session, await publicStack(300))).violations;
            assert.deepStrictEqual(only.map((v) => [v.policy, v.level]), [["aws-cloudmap-service-max-ttl", "mandatory"]]);
        });

        it("disables one policy by name", async () => {
            await session.configure({ "aws-cloudmap-namespace-disallow-public": "disabled" });
            const { violations } = await analyzeResources(session, await publicStack(10));
            assert.deepStrictEqual(violations.map((v) => v.policy), ["aws-cloudmap-namespace-no-exposed-services"]);
        });

        it("remediates TTLs when the level is remediate, and Analyze sees the clamped records", async () => {
            await session.configure({ "aws-cloudmap-service-max-ttl": "remediate" });
            const { violations, remediations } = await analyzeResources(session, await publicStack(300));
            assert.deepStrictEqual(remediations.map((r) => [r.policy, (r.properties?.dnsConfig as { dnsRecords: unknown }).dnsRecords]),
                [["aws-cloudmap-service-max-ttl", [{ type: "SRV", ttl: 60 }]]]);
            assert.deepStrictEqual(ofPolicy(violations, "aws-cloudmap-service-max-ttl"), []);
            assert.match(ofPolicy(violations, "aws-cloudmap-service-discovery-staleness")[0].message, /\+ 60 s TTL/);
        });

        it("rejects a level that does not exist", async () => {
            await assert.rejects(session.configure({ all: "strict" }), /"strict" is not an enforcement level/);
        });

        it("falls back to each policy's own defaults when Configure never came", async () => {
            const unconfigured = await startPolicyPack(PACK_DIR);
            try {
                const { violations } = await analyzeResources(unconfigured, await publicStack(61));
                assert.deepStrictEqual(levels(ofPolicy(violations, "aws-cloudmap-service-max-ttl")), ["mandatory"]);
                assert.match(ofPolicy(violations, "aws-cloudmap-service-discovery-staleness")[0].message, /above the 60 s budget/);
            } finally {
                await unconfigured.close();
            }
        });
    });

    describe("(d) unknown values in preview", () => {
        let session: AnalyzerSession;
        before(async () => {
            session = await startPolicyPack(PACK_DIR);
            await session.configure();
        });
        after(async () => session?.close());

        it("still flags a public namespace and names the exposed service when ids are unknown", async () => {
            const { violations } = await analyzeResources(session, asPreview(await publicStack(300)));
            assert.deepStrictEqual(ofPolicy(violations, "aws-cloudmap-namespace-disallow-public").map((v) => v.level), ["mandatory"]);
            assert.match(ofPolicy(violations, "aws-cloudmap-namespace-no-exposed-services")[0].message, /"inventory-manager" is in public DNS namespace/);
        });

        it("turns an unknown the policy needs into an advisory, never a mandatory violation", async () => {
            const resources = (await fixture(() => cloudMapService(privateNamespace().id))).map((r) =>
                r.type === "aws:servicediscovery/service:Service" ? { ...r, inputs: { ...r.inputs, dnsConfig: { dnsRecords: UNKNOWN_SENTINEL } }, outputs: {} } : r);
            const { violations } = await analyzeResources(session, resources);
            assert.deepStrictEqual(levels(violations), ["advisory"]);
            assert.match(ofPolicy(violations, "aws-cloudmap-service-max-ttl")[0].message,
                /can't run policy 'aws-cloudmap-service-max-ttl' from policy pack 'cloudmap-discovery@v0\.1\.0' during preview/);
        });

        it("remediates the TTL while keeping the unknown namespace id unknown", async () => {
            await session.configure({ "aws-cloudmap-service-max-ttl": "remediate" });
            const { remediations } = await analyzeResources(session, asPreview(await publicStack(300)));
            assert.deepStrictEqual(remediations[0].properties?.dnsConfig, { namespaceId: UNKNOWN_SENTINEL, dnsRecords: [{ type: "SRV", ttl: 60 }] });
        });
    });
});

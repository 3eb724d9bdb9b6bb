import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { PolicyPackError } from "../../engine/policyPackError";
import { AnalyzerSession, analyzeResources, runPolicyPack, startPolicyPack } from "../../engine/policyEngine";
import { RecordedResource } from "../../engine/resourceGraph";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { apiOnlyInstance, cloudMapService, privateNamespace } from "./fixtures";
import { asPreview, buildPack, fixture, ofPolicy, PACK_DIR } from "./packHarness";

const QUICKSHIP_PROGRAM = path.join(__dirname, "..", "..", "examples", "quickship", "quickshipProgram.ts");
const CLOUD_MAP_SERVICE = "aws:servicediscovery/service:Service";

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
        before(async () => {
            assert.ok(fs.existsSync(QUICKSHIP_PROGRAM), `the QuickShip example is missing: ${QUICKSHIP_PROGRAM}`);
            const { quickshipProgram } = await import(QUICKSHIP_PROGRAM);
            resources = [...(await runUnderMocks(quickshipProgram)).graph.resources];
        });

        it("passes with no violation at all", async () => {
            const result = await runPolicyPack(PACK_DIR, resources);
            assert.strictEqual(result.packName, "cloudmap-discovery");
            assert.deepStrictEqual(result.violations.map((v) => `${v.policy}: ${v.message}`), []);
            assert.deepStrictEqual(result.remediations, []);
        });

        it("is really inspected: a 5 s ceiling flags both SRV services", async () => {
            const strict = await runPolicyPack(PACK_DIR, resources, { config: { "aws-cloudmap-service-max-ttl": { maxTtlSeconds: 5 } } });
            assert.deepStrictEqual(ofPolicy(strict.violations, "aws-cloudmap-service-max-ttl").map((v) => v.urn?.split("::").pop()).sort(),
                ["quickship-inventory-manager", "quickship-order-processor"]);
        });

        it("reports nothing false in preview: only the task policy, whose JSON embeds the table's unknown ARN, can't run", async () => {
            const preview = asPreview(resources);
            const services = preview.filter((r) => r.type === CLOUD_MAP_SERVICE && r.inputs.dnsConfig !== undefined);
            assert.deepStrictEqual(services.map((r) => r.outputs.type), [UNKNOWN_SENTINEL, UNKNOWN_SENTINEL], "DNS services' type is unknown, as in a real preview");
            const { violations } = await runPolicyPack(PACK_DIR, preview, { preview: true });
            assert.deepStrictEqual(violations.map((v) => [v.policy, v.level]), [["aws-iam-role-policy-task-least-privilege", "advisory"]]);
            assert.match(violations[0].message, /can't run policy .* during preview: string value at \.policy can't be known/);
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

        it("compares allow-list entries and namespace names as DNS names: any case, with or without the trailing dot", async () => {
            const allow = { allowedPublicNamespaces: ["API.Example.com."] };
            await session.configure({ "aws-cloudmap-namespace-disallow-public": allow, "aws-cloudmap-namespace-no-exposed-services": allow });
            assert.deepStrictEqual((await analyzeResources(session, await publicStack(10))).violations.map((v) => v.policy), []);

            const lowerCase = { allowedPublicNamespaces: ["api.example.com"] };
            await session.configure({ "aws-cloudmap-namespace-disallow-public": lowerCase, "aws-cloudmap-namespace-no-exposed-services": lowerCase });
            const mixedCase = await fixture(() => {
                const namespace = new aws.servicediscovery.PublicDnsNamespace("public-ns", { name: "Api.Example.Com." });
                cloudMapService(namespace.id, { dnsConfig: { namespaceId: namespace.id, dnsRecords: [{ type: "SRV", ttl: 10 }] } });
            });
            assert.deepStrictEqual((await analyzeResources(session, mixedCase)).violations.map((v) => v.policy), []);
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

        it("refuses config its schema does not allow, instead of letting it switch a check off", async () => {
            const refused = (pattern: RegExp) => (error: unknown) => error instanceof PolicyPackError && pattern.test(error.message);
            await assert.rejects(session.configure({ "aws-cloudmap-service-max-ttl": { maxTtlSeconds: "abc" } }),
                refused(/aws-cloudmap-service-max-ttl: maxTtlSeconds must be an integer, not "abc" \(a string\)/));
            await assert.rejects(session.configure({ "aws-cloudmap-namespace-disallow-public": { allowedPublicNamespaces: "api.example.com" } }),
                refused(/aws-cloudmap-namespace-disallow-public: allowedPublicNamespaces must be an array, not "api\.example\.com" \(a string\)/));
            await assert.rejects(session.configure({ "aws-cloudmap-service-discovery-staleness": { maxStalenessSeconds: -1 } }),
                refused(/maxStalenessSeconds must be at least 0, not -1/));
            await assert.rejects(session.configure({ "aws-cloudmap-service-max-tll": "advisory" }),
                refused(/"aws-cloudmap-service-max-tll" is not a policy of this pack/));
            // runPolicyPack (what the plan CLI calls) refuses it the same way, before any resource is analyzed.
            await assert.rejects(runPolicyPack(PACK_DIR, await publicStack(300), { config: { "aws-cloudmap-service-max-ttl": { maxTtlSeconds: "abc" } } }),
                refused(/maxTtlSeconds must be an integer/));
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
            const unknownRecords = { dnsConfig: { dnsRecords: UNKNOWN_SENTINEL } };
            const resources = asPreview(await fixture(() => cloudMapService(privateNamespace().id))).map((r) =>
                r.type === CLOUD_MAP_SERVICE ? { ...r, inputs: { ...r.inputs, ...unknownRecords }, outputs: { ...r.outputs, ...unknownRecords } } : r);
            const { violations } = await analyzeResources(session, resources);
            assert.deepStrictEqual(levels(violations), ["advisory"]);
            assert.match(ofPolicy(violations, "aws-cloudmap-service-max-ttl")[0].message,
                /can't run policy 'aws-cloudmap-service-max-ttl' from policy pack 'cloudmap-discovery@v0\.1\.0' during preview/);
            assert.match(ofPolicy(violations, "aws-cloudmap-service-dns-config")[0].message, /during preview: .* value at \.dnsConfig\.dnsRecords/);
        });

        it("still catches a bad dnsConfig as mandatory while the service's type, namespaceId, arn and id are unknown", async () => {
            const resources = asPreview(await fixture(() => {
                const namespace = privateNamespace();
                cloudMapService(namespace.id, {
                    dnsConfig: { namespaceId: namespace.id, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "CNAME", ttl: 10 }, { type: "A", ttl: 10 }] },
                });
            }));
            const service = resources.find((r) => r.type === CLOUD_MAP_SERVICE)!;
            const { type, namespaceId, arn, id, dnsConfig } = service.outputs as Record<string, unknown> & { dnsConfig: Record<string, unknown> };
            assert.deepStrictEqual([type, namespaceId, arn, id, dnsConfig.namespaceId], Array(5).fill(UNKNOWN_SENTINEL));

            const { violations } = await analyzeResources(session, resources);
            assert.deepStrictEqual(ofPolicy(violations, "aws-cloudmap-service-dns-config").map((v) => v.level), ["mandatory"]);
            assert.match(ofPolicy(violations, "aws-cloudmap-service-dns-config")[0].message,
                /dnsConfig\.dnsRecords: A CNAME record cannot be combined with other records \(got A\+CNAME\)/);
            assert.deepStrictEqual(violations.filter((v) => v.message.includes("during preview")), [], "nothing else is left undecided");
        });

        it("decides instance limits from the known attributes and leaves only an unknown value's length to the update", async () => {
            const resources = asPreview(await fixture(() => {
                const table = new aws.dynamodb.Table("user-auth", { hashKey: "id", attributes: [{ name: "id", type: "S" }] });
                apiOnlyInstance({ ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, "v"])), tableArn: table.arn });
            }));
            const instance = resources.find((r) => r.type === "aws:servicediscovery/instance:Instance")!;
            assert.strictEqual((instance.outputs.attributes as Record<string, unknown>).tableArn, UNKNOWN_SENTINEL);
            const found = ofPolicy((await analyzeResources(session, resources)).violations, "aws-cloudmap-instance-attributes");
            assert.deepStrictEqual(found.map((v) => v.level), ["mandatory", "advisory"]);
            assert.match(found[0].message, /31 custom attributes; RegisterInstance accepts at most 30/);
            assert.match(found[1].message, /during preview: string value at \.attributes\.tableArn/);
        });

        it("remediates the TTL while keeping the unknown namespace id unknown", async () => {
            await session.configure({ "aws-cloudmap-service-max-ttl": "remediate" });
            const { remediations } = await analyzeResources(session, asPreview(await publicStack(300)));
            assert.deepStrictEqual(remediations[0].properties?.dnsConfig, { namespaceId: UNKNOWN_SENTINEL, dnsRecords: [{ type: "SRV", ttl: 60 }] });
        });
    });
});

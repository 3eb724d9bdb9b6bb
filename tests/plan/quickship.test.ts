import * as assert from "assert";
import * as path from "path";
import { planDocument } from "../../engine/plan/json";
import { exitCodeOf, planProgram, PlanResult } from "../../engine/plan/planProgram";
import { markdownReport } from "../../engine/plan/formats/markdown";
import { renderPlan } from "../../engine/plan/render";
import { styleFor } from "../../engine/plan/style";
import { REPO_ROOT } from "./fixtures";

// `npm start` plans the repository root, whose Pulumi.yaml runs examples/quickship.
describe("plan: the QuickShip example (npm start)", function () {
    let plan: PlanResult;

    before(async function () {
        plan = await planProgram(REPO_ROOT);
    });

    it("runs examples/quickship from the root Pulumi.yaml with the dev stack, type-checked", () => {
        assert.strictEqual(plan.project.name, "quickship");
        assert.strictEqual(plan.entry, path.join(REPO_ROOT, "examples", "quickship", "index.ts"));
        assert.strictEqual(plan.project.stack, "dev");
        assert.strictEqual(plan.typeCheck.status, "passed");
        assert.deepStrictEqual(plan.opaque, []);
        assert.deepStrictEqual(plan.regions, ["us-east-1"]);
    });

    it("lists the SRV records Cloud Map will serve", () => {
        assert.deepStrictEqual(plan.dnsRecords.map((r) => [r.name, r.type, r.ttl, r.routingPolicy]), [
            ["inventory-manager.quickship.local", "SRV", 10, "MULTIVALUE"],
            ["order-processor.quickship.local", "SRV", 10, "MULTIVALUE"],
        ]);
        assert.match(renderPlan(plan, styleFor(false)), /inventory-manager\.quickship\.local +SRV +ttl 10 +MULTIVALUE/);
    });

    it("lists user-auth-db as an API-only service with the table's attributes", () => {
        assert.deepStrictEqual(plan.apiOnlyServices.map((s) => [s.name, s.namespace, s.instances.map((i) => i.attributes)]), [
            ["user-auth-db", "quickship.local", [{ tablename: "UserAuth", environment: "prod" }]],
        ]);
    });

    it("puts every AWS resource under a component, shown in the tree with counts", () => {
        const orphans = plan.graph.resources.filter((r) => r.custom && !plan.graph.ancestorsOf(r.urn).some((a) => a.type !== "pulumi:pulumi:Stack"));
        assert.deepStrictEqual(orphans.map((r) => r.urn), []);
        const text = renderPlan(plan, styleFor(false));
        assert.match(text, /└─ quickship cloudmap-discovery:index:QuickShipTopology/);
        assert.match(text, /1 × aws:servicediscovery\/privateDnsNamespace:PrivateDnsNamespace/);
        assert.match(text, /2 × aws:iam\/role:Role/);
    });

    it("passes the policy pack with no mandatory violation", () => {
        assert.ok(plan.policy !== undefined && plan.policy.policies.length > 0);
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.level === "mandatory"), []);
        assert.strictEqual(exitCodeOf(plan), 0);
    });

    it("estimates a plausible cost, deploy time and staleness", () => {
        const e = plan.estimates;
        // One hosted zone, one non-ECS instance, default traffic: a few dollars.
        assert.ok(e.monthlyCostUsd > 1 && e.monthlyCostUsd < 20, `cost ${e.monthlyCostUsd}`);
        // At least the namespace's hosted zone, at most a quarter of an hour.
        assert.ok(e.criticalPathSeconds >= 50 && e.criticalPathSeconds <= 900, `critical path ${e.criticalPathSeconds}`);
        assert.strictEqual(e.stalenessSeconds, 10 + 30, "TTL 10 s + 30 s ECS-managed health delay");
        assert.ok(e.assumptions.some((a) => a.includes("--dns-queries-millions")));
    });

    it("serialises to the --json shape, exactly", () => {
        const doc = JSON.parse(JSON.stringify(planDocument(plan)));
        assert.deepStrictEqual(Object.keys(doc).sort(), ["connectivity", "dnsRecords", "environment", "estimates", "grants", "opaque", "outputs", "policy", "resources", "serviceConnect"]);
        assert.deepStrictEqual(Object.keys(doc.resources[0]).sort(), ["inputs", "name", "op", "parent", "type", "urn"]);
        assert.deepStrictEqual(Object.keys(doc.dnsRecords[0]).sort(), ["name", "routingPolicy", "service", "ttl", "type"]);
        assert.deepStrictEqual(Object.keys(doc.policy), ["violations"]);
        assert.deepStrictEqual(Object.keys(doc.estimates).sort(), ["assumptions", "criticalPathSeconds", "monthlyCostUsd", "stalenessSeconds"]);
        assert.strictEqual(doc.resources.length, plan.graph.resources.length);
        assert.ok(doc.resources.some((r: { urn: string }) => r.urn === doc.dnsRecords[0].service));
        assert.deepStrictEqual(doc.serviceConnect, { endpoints: [], members: [] });
    });
});

describe("plan: the QuickShip example in Service Connect mode (--config quickship:discoveryMode=service-connect)", function () {
    let plan: PlanResult;

    before(async function () {
        plan = await planProgram(REPO_ROOT, { config: { "quickship:discoveryMode": "service-connect" } });
    });

    it("plans clean: no DNS records for the services, the table still an API-only instance", () => {
        assert.strictEqual(exitCodeOf(plan), 0);
        assert.deepStrictEqual(plan.policy!.violations, []);
        assert.deepStrictEqual(plan.dnsRecords, []);
        assert.deepStrictEqual(plan.apiOnlyServices.map((s) => [s.name, s.instances.map((i) => i.attributes)]), [["user-auth-db", [{ tablename: "UserAuth", environment: "prod" }]]]);
    });

    it("shows the endpoint inventory-manager serves and both services as clients of the namespace", () => {
        const inventory = plan.graph.one("aws:ecs/service:Service", "quickship-inventory-manager");
        assert.deepStrictEqual(plan.serviceConnect.endpoints.map((e) => ({ ...e })), [{
            service: "quickship-inventory-manager", urn: inventory.urn, namespace: "quickship.local", discoveryName: "inventory-manager", portName: "inventory-manager",
            containerPort: 80, appProtocol: "tcp", dnsName: "inventory-manager", port: 80, url: "http://inventory-manager:80",
        }]);
        assert.deepStrictEqual(plan.serviceConnect.members.map((m) => [m.service, m.namespace, m.tasks, m.cpuArchitecture, m.serves]), [
            ["quickship-inventory-manager", "quickship.local", 2, "X86_64", true],
            ["quickship-order-processor", "quickship.local", 2, "X86_64", false],
        ]);
        const text = renderPlan(plan, styleFor(false));
        assert.match(text, /^ {2}inventory-manager:80 → http:\/\/inventory-manager:80 via namespace quickship\.local \(port inventory-manager, tcp\)$/m);
        assert.match(text, /^ {2}clients in quickship\.local: quickship-inventory-manager, quickship-order-processor$/m);
        assert.match(markdownReport(plan), /\| `inventory-manager:80` \| `http:\/\/inventory-manager:80` \| `quickship\.local` \| tcp \|/);
    });

    it("prices the proxies of the four tasks and counts no Route 53 queries; staleness is not a DNS TTL", () => {
        const line = (item: string) => plan.estimates.costLines.find((l) => l.item.startsWith(item));
        assert.deepStrictEqual([line("Service Connect proxies")?.item, line("Service Connect proxies")?.quantity], ["Service Connect proxies (X86_64 tasks)", 4]);
        assert.strictEqual(line("Route 53 DNS queries")?.quantity, 0);
        assert.strictEqual(plan.estimates.stalenessSeconds, null);
        assert.match(renderPlan(plan, styleFor(false)), /Worst discovery staleness +n\/a \(no Cloud Map DNS services; Service Connect proxies take endpoint changes from ECS/);
        assert.ok(plan.estimates.assumptions.some((a) => a.includes("256 CPU units and 64 MiB")));
    });
});

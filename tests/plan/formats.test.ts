import * as assert from "assert";
import * as path from "path";
import type { Log } from "sarif";
import { GITHUB_COMMENT_LIMIT, markdownReport } from "../../engine/plan/formats/markdown";
import { MERMAID_LIMITS } from "../../engine/plan/formats/mermaid";
import { sarifLog } from "../../engine/plan/formats/sarif";
import { planDocument } from "../../engine/plan/json";
import { planProgram, PlanResult } from "../../engine/plan/planProgram";
import { fixture, REPO_ROOT } from "./fixtures";
import { parseFlowchart } from "./mermaidParser";
import { checkSarifLog } from "./sarifSchema";

// The hand-written fixture: secrets in a container's environment and in a stack output, flows
// between security groups written three ways, one mandatory and four advisory findings.
describe("plan: the report formats over one plan of hand-written resources", function () {
    this.timeout(60_000);
    let plan: PlanResult;

    before(async () => {
        plan = await planProgram(fixture("wiring"));
    });

    it("--json: every resource's inputs with secrets masked, the secret output withheld", () => {
        const doc = planDocument(plan);
        const text = JSON.stringify(doc);
        assert.doesNotMatch(text, /hunter2/);
        const apiTask = doc.resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition" && r.name === "api");
        assert.strictEqual((apiTask?.inputs as Record<string, unknown>).containerDefinitions, "[secret]");
        assert.deepStrictEqual(doc.outputs.find((o) => o.name === "databasePassword"), { name: "databasePassword", disclosure: "secret", value: null, partlyUnknown: false });
        assert.deepStrictEqual(doc.environment.containers.find((c) => c.container === "api")?.variables, [
            { name: "API_TOKEN", source: "secret", value: null, valueFrom: null },
            { name: "LOG_LEVEL", source: "secret", value: null, valueFrom: null },
        ]);
    });

    it("--format markdown: the diagram has every flow, the CIDR and the discovery edge; findings in a table; no secret", async () => {
        const markdown = markdownReport(plan);
        assert.doesNotMatch(markdown, /hunter2/);
        assert.match(markdown, /^## ✖ 1 mandatory policy violation: this stack would not deploy$/m);
        assert.match(markdown, /^\| ✖ mandatory \| `aws-cloudmap-service-max-ttl` \| `web` \(tests\/plan\/fixtures\/wiring\/index\.ts:\d+\) \| dnsConfig\.dnsRecords\\\[0\\\]\.ttl: The SRV record's TTL is 300 s/m, "brackets escaped so markdown does not read a link");
        assert.match(markdown, /\| \*\*Total\*\* \| \| \| \*\*\\\$5\.50\*\* \|/, "amounts escape $, which GitHub would read as math");
        const chart = await parseFlowchart(/```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? "");
        const label = new Map(chart.vertices.map((v) => [v.id, v.text.split(/<br\s*\/?>/)[0]]));
        assert.deepStrictEqual(chart.edges.map((e) => `${label.get(e.start)} → ${label.get(e.end)} ${e.text}`).sort(), [
            "0.0.0.0/0 → web 443/tcp",
            "api → 0.0.0.0/0 all traffic",
            "api → security group db 5432/tcp",
            "api → web 443/tcp",
            "api → web discovers",
            "web → api 8080/tcp",
        ]);
        assert.deepStrictEqual(chart.subgraphs.map((s) => [s.title, s.nodes.map((n) => label.get(n))]), [["shop.internal (private DNS)", ["web"]]]);
    });

    it("--format markdown: names with quotes and angle brackets still make a diagram Mermaid parses", async () => {
        const odd = 'we"b <b>edge</b>';
        const rename = <T extends { name: string; urn?: string }>(end: T): T => (end.name === "web" ? { ...end, name: odd } : end);
        const connectivity = plan.wiring.connectivity;
        const renamed: PlanResult = {
            ...plan,
            wiring: { ...plan.wiring, connectivity: {
                workloads: connectivity.workloads.map(rename),
                flows: connectivity.flows.map((f) => ({ ...f, from: rename(f.from), to: rename(f.to) })),
            } },
        };
        const chart = await parseFlowchart(/```mermaid\n([\s\S]*?)\n```/.exec(markdownReport(renamed))?.[1] ?? "");
        assert.strictEqual(chart.diagramType, "flowchart-v2");
        assert.strictEqual(chart.edges.length, 6);
    });

    it("--format markdown: a service graph beyond what Mermaid draws drops the discovery edges, then the diagram, and says so", async () => {
        const { connectivity } = plan.wiring;
        const withMany = (times: number, what: "discovery" | "flows"): PlanResult => ({
            ...plan,
            wiring: { ...plan.wiring, connectivity: {
                workloads: connectivity.workloads.map((w) => (what === "discovery" && w.discovery.resolvable.length > 0
                    ? { ...w, discovery: { ...w.discovery, resolvable: Array.from({ length: times }, () => w.discovery.resolvable[0]) } } : w)),
                flows: what === "flows" ? Array.from({ length: times }, (_, i) => ({ ...connectivity.flows[0], ports: `${1000 + i}/tcp` })) : connectivity.flows,
            } },
        });
        const fewerEdges = markdownReport(withMany(MERMAID_LIMITS.edges, "discovery"));
        assert.match(fewerEdges, /_Left out: the 500 DiscoverInstances edges \(Mermaid draws at most 500 edges and 50,000 characters\)\._/);
        const chart = await parseFlowchart(/```mermaid\n([\s\S]*?)\n```/.exec(fewerEdges)?.[1] ?? "");
        assert.deepStrictEqual(chart.edges.filter((e) => e.text === "discovers"), []);
        const none = markdownReport(withMany(MERMAID_LIMITS.edges + 1, "flows"));
        assert.doesNotMatch(none, /```mermaid/);
        assert.match(none, /_Left out: the diagram: \d+ edges \(Mermaid draws at most 500 edges and 50,000 characters\); the connectivity table lists every flow\._/);
    });

    it("--format markdown: a plan too large for one GitHub comment drops the folded sections and says so", () => {
        const role = plan.wiring.grants[0];
        const huge = { ...plan, wiring: { ...plan.wiring, grants: Array.from({ length: 2000 }, (_, i) => ({ ...role, role: `role-${i}` })) } };
        assert.ok(markdownReport({ ...plan }).length < GITHUB_COMMENT_LIMIT);
        const markdown = markdownReport(huge);
        assert.ok(markdown.length <= GITHUB_COMMENT_LIMIT, `${markdown.length} characters`);
        assert.doesNotMatch(markdown, /<summary>IAM grants/);
        assert.match(markdown, /left out to fit GitHub's comment limit/);
        assert.match(markdown, /```mermaid\n[\s\S]*\n```/);
    });

    it("--format sarif: a finding on the stack itself, and a program outside the working directory, still have a location", () => {
        assert.ok(plan.policy !== undefined);
        const stackLevel: PlanResult = {
            ...plan,
            policy: { ...plan.policy, violations: [{ policy: "aws-cloudmap-service-max-ttl", level: "advisory", message: "stack-wide", description: "" }] },
        };
        const elsewhere = sarifLog(stackLevel, { cwd: path.join(REPO_ROOT, "engine") });
        assert.deepStrictEqual(checkSarifLog(elsewhere), []);
        assert.deepStrictEqual(elsewhere.runs[0].results?.[0].locations?.[0].physicalLocation, {
            artifactLocation: { uri: `file://${path.join(fixture("wiring"), "Pulumi.yaml")}` },
            region: { startLine: 1 },
        });
        assert.strictEqual(elsewhere.runs[0].results?.[0].level, "warning");
    });

    it("--format sarif without a policy pack is a valid log with no rules and no results", () => {
        const log = sarifLog({ ...plan, policy: undefined }, { cwd: REPO_ROOT });
        assert.deepStrictEqual(checkSarifLog(log), []);
        assert.deepStrictEqual([log.runs[0].tool.driver.rules, log.runs[0].results], [[], []]);
    });
});

describe("plan: the SARIF schema check used by the tests", () => {
    const valid = (): Log => ({
        version: "2.1.0",
        runs: [{
            tool: { driver: { name: "t", rules: [{ id: "r", shortDescription: { text: "d" }, defaultConfiguration: { level: "error" } }] } },
            results: [{ ruleId: "r", ruleIndex: 0, level: "error", message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a.ts" }, region: { startLine: 1 } } }] }],
        }],
    });

    it("accepts a minimal valid log", () => {
        assert.deepStrictEqual(checkSarifLog(valid()), []);
    });

    it("reports every missing required member, unknown property, bad level, bad line and mismatched rule index", () => {
        const log = valid() as unknown as { version?: string; runs: { tool: { driver: { name?: string; rules: Record<string, unknown>[] } }; results: Record<string, unknown>[] }[] };
        delete log.version;
        delete log.runs[0].tool.driver.name;
        log.runs[0].tool.driver.rules[0].shortDescription = { markdown: "no text" };
        const result = log.runs[0].results[0];
        result.level = "fatal";
        result.ruleIndex = 1;
        result.colour = "red";
        result.message = { markdown: "neither text nor id" };
        (result.locations as { physicalLocation: { region: { startLine: number } } }[])[0].physicalLocation.region.startLine = 0;
        assert.deepStrictEqual(checkSarifLog(log), [
            "$: sarifLog requires \"version\"",
            "$.version: must be \"2.1.0\", got undefined",
            "$.runs[0].tool.driver: toolComponent requires \"name\"",
            "$.runs[0].tool.driver.rules[0].shortDescription: multiformatMessageString requires \"text\"",
            "$.runs[0].results[0]: \"colour\" is not a result property",
            "$.runs[0].results[0].message: message requires one of text or id",
            "$.runs[0].results[0]: level must be one of none, note, warning, error, got \"fatal\"",
            "$.runs[0].results[0]: ruleIndex 1 is not the rule \"r\"",
            "$.runs[0].results[0].locations[0].physicalLocation.region.startLine: expected an integer ≥ 1, got 0",
        ]);
    });
});

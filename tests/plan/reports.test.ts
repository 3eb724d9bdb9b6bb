import * as assert from "assert";
import * as path from "path";
import type { Log } from "sarif";
import { policies } from "../../policy-pack/policies";
import { plan, Run as CliRun } from "./runCli";
import { fixture, lineOf, REPO_ROOT } from "./fixtures";
import { parseFlowchart } from "./mermaidParser";
import { checkSarifLog } from "./sarifSchema";

interface JsonFlow { from: { kind: string; name: string }; to: { kind: string; name: string }; protocol: string; fromPort: number | null; toPort: number | null; ports: string }

/** The markdown's ```mermaid block. */
function mermaidBlock(markdown: string): string {
    const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    assert.ok(match, "a mermaid block");
    return match[1];
}

describe("plan: the report formats, through the CLI", function () {
    this.timeout(120_000);
    let quickshipJson: CliRun;
    let quickshipMarkdown: CliRun;
    let wiringSarif: CliRun;
    let wiringText: CliRun;
    const wiringProgram = path.join(fixture("wiring"), "index.ts");

    // Each run starts Node, TypeScript, the SDK and the policy pack; side by side keeps this quick.
    before(async () => {
        [quickshipJson, quickshipMarkdown, wiringSarif, wiringText] = await Promise.all([
            plan([".", "--format", "json"], { fromSource: true }),
            plan([".", "--format", "markdown"]),
            plan([fixture("wiring"), "--format", "sarif"]),
            plan([fixture("wiring"), "--format", "text"]),
        ]);
    });

    describe("QuickShip, --format json", () => {
        let doc: {
            resources: { type: string; name: string; inputs: Record<string, unknown> }[];
            connectivity: { flows: JsonFlow[]; workloads: { name: string; securityGroups: string[]; mayResolve: { namespace: string; service: string; scopedBy: string }[]; environment: { name: string; value: string | null }[] }[] };
            grants: { role: string; policies: { kind: string; name: string; statements: { actions: string[]; conditions: { key: string; values: string[] }[] }[] }[] }[];
            outputs: { name: string; disclosure: string; value: unknown }[];
        };
        before(() => {
            assert.strictEqual(quickshipJson.code, 0, quickshipJson.stderr);
            doc = JSON.parse(quickshipJson.stdout);
        });

        it("allows order-processor → inventory-manager : 80/tcp and nothing else between services; HTTPS out is a CIDR flow", () => {
            const between = doc.connectivity.flows.filter((f) => f.from.kind === "workload" && f.to.kind === "workload");
            assert.deepStrictEqual(between.map((f) => `${f.from.name} → ${f.to.name} : ${f.ports}`), ["order-processor → inventory-manager : 80/tcp"]);
            assert.deepStrictEqual([between[0].protocol, between[0].fromPort, between[0].toPort], ["tcp", 80, 80]);
            const outside = doc.connectivity.flows.filter((f) => !between.includes(f));
            assert.deepStrictEqual(outside.map((f) => `${f.from.name} → ${f.to.kind} ${f.to.name} : ${f.ports}`).sort(), [
                "inventory-manager → cidr 0.0.0.0/0 : 443/tcp",
                "order-processor → cidr 0.0.0.0/0 : 443/tcp",
            ]);
        });

        it("says which security group each service runs in, what order-processor may resolve and the environment it received", () => {
            const [inventory, orders] = ["inventory-manager", "order-processor"].map((name) => doc.connectivity.workloads.find((w) => w.name === name));
            assert.ok(inventory && orders);
            assert.deepStrictEqual([inventory.securityGroups.map((u) => u.split("::").pop()), orders.securityGroups.map((u) => u.split("::").pop())],
                [["quickship-inventory-manager-sg"], ["quickship-order-processor-sg"]]);
            assert.deepStrictEqual(orders.mayResolve.map((r) => [r.namespace, r.service, r.scopedBy]).sort(), [
                ["quickship.local", "inventory-manager", ["arn", "condition"]],
                ["quickship.local", "user-auth-db", ["arn", "condition"]],
            ]);
            assert.deepStrictEqual(inventory.mayResolve, []);
            assert.deepStrictEqual(Object.fromEntries(orders.environment.map((v) => [v.name, v.value])), {
                INVENTORY_MANAGER_PORT: "80",
                INVENTORY_MANAGER_SRV_NAME: "inventory-manager.quickship.local",
                USER_AUTH_DB_NAMESPACE: "quickship.local",
                USER_AUTH_DB_SERVICE: "user-auth-db",
            });
        });

        it("lists each role's statements, and the AWS-managed execution policy by name", () => {
            const task = doc.grants.find((g) => g.role === "quickship-order-processor-task");
            assert.ok(task);
            const statements = task.policies.flatMap((p) => p.statements);
            assert.deepStrictEqual(statements.map((s) => s.actions[0]).sort(), ["dynamodb:BatchGetItem", "servicediscovery:DiscoverInstances", "servicediscovery:DiscoverInstances"]);
            const discoverInventory = statements.find((s) => s.conditions.some((c) => c.values.includes("inventory-manager")));
            assert.deepStrictEqual(discoverInventory?.conditions.map((c) => [c.key, c.values]), [
                ["servicediscovery:NamespaceName", ["quickship.local"]],
                ["servicediscovery:ServiceName", ["inventory-manager"]],
            ]);
            const execution = doc.grants.find((g) => g.role === "quickship-order-processor-execution");
            assert.deepStrictEqual(execution?.policies.map((p) => [p.kind, p.name]), [["aws-managed", "AmazonECSTaskExecutionRolePolicy"]]);
        });

        it("carries every resource's inputs and the stack outputs", () => {
            const namespace = doc.resources.find((r) => r.type === "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace");
            assert.strictEqual(namespace?.inputs.name, "quickship.local");
            assert.ok(doc.resources.every((r) => typeof r.inputs === "object" && r.inputs !== null));
            assert.deepStrictEqual(doc.outputs.find((o) => o.name === "namespaceName"), { name: "namespaceName", disclosure: "plain", value: "quickship.local", partlyUnknown: false });
        });
    });

    describe("QuickShip, --format markdown", () => {
        it("is a pull-request comment: marker, verdict, policy, DNS records, service graph, connectivity, cost", () => {
            assert.strictEqual(quickshipMarkdown.code, 0, quickshipMarkdown.stderr);
            const lines = quickshipMarkdown.stdout.split("\n");
            assert.strictEqual(lines[0], "<!-- cloudmap-plan: quickship/dev -->");
            assert.strictEqual(lines[1], "## ✔ No mandatory policy violations");
            assert.deepStrictEqual(lines.filter((l) => l.startsWith("### ")).map((l) => l.replace(/:.*/, "")), [
                "### Policy", "### DNS records Cloud Map will serve", "### Service graph", "### Connectivity", "### Cost and deploy time",
            ]);
            assert.ok(lines.some((l) => /^\| \*\*order-processor\*\* \| \*\*inventory-manager\*\* \| 80\/tcp \| `[^`]+`, `[^`]+` \|$/.test(l)), "the flow with the ingress and egress rules that allow it");
            assert.ok(lines.includes("| `inventory-manager.quickship.local` | SRV | 10 s | MULTIVALUE |"));
        });

        it("draws the service graph as a flowchart that Mermaid parses: the namespace, its services, the port and the discovery edges", async () => {
            const chart = await parseFlowchart(mermaidBlock(quickshipMarkdown.stdout));
            assert.strictEqual(chart.diagramType, "flowchart-v2");
            const label = new Map(chart.vertices.map((v) => [v.id, v.text.split(/<br\s*\/?>/)[0]]));
            const edges = chart.edges.map((e) => `${label.get(e.start)} ${e.stroke === "dotted" ? "-.->" : "-->"} ${label.get(e.end)} ${e.text}`);
            assert.deepStrictEqual(edges.sort(), [
                "inventory-manager --> 0.0.0.0/0 443/tcp",
                "order-processor --> 0.0.0.0/0 443/tcp",
                "order-processor --> inventory-manager 80/tcp",
                "order-processor -.-> inventory-manager discovers",
                "order-processor -.-> user-auth-db discovers",
                "user-auth-db --> user-auth-table ",
            ].sort());
            assert.deepStrictEqual(chart.subgraphs.map((s) => [s.title, s.nodes.map((n) => label.get(n)).sort()]), [
                ["quickship.local (private DNS)", ["inventory-manager", "order-processor", "user-auth-db", "user-auth-table"]],
            ]);
        });
    });

    describe("hand-written resources, --format sarif", () => {
        let log: Log;
        before(() => {
            assert.strictEqual(wiringSarif.code, 1, wiringSarif.stderr);
            log = JSON.parse(wiringSarif.stdout);
        });

        it("conforms to the SARIF 2.1.0 schema: required members, known properties, levels and line numbers", () => {
            assert.deepStrictEqual(checkSarifLog(log), []);
        });

        it("has one rule per policy of the pack, with its description and level", () => {
            const rules = log.runs[0].tool.driver.rules ?? [];
            assert.deepStrictEqual(rules.map((r) => [r.id, r.fullDescription?.text, r.defaultConfiguration?.level]),
                policies.map((p) => [p.name, p.description, p.enforcementLevel === "mandatory" ? "error" : "warning"]));
        });

        it("has one result per violation, at the program line that declared the resource, mandatory as error and advisory as warning", () => {
            const results = log.runs[0].results ?? [];
            const at = (text: string): string => `tests/plan/fixtures/wiring/index.ts:${lineOf(wiringProgram, text)}`;
            assert.deepStrictEqual(results.map((r) => {
                const physical = r.locations?.[0].physicalLocation;
                return [r.ruleId, r.level, `${physical?.artifactLocation?.uri}:${physical?.region?.startLine}`, physical?.artifactLocation?.uriBaseId];
            }).sort(), [
                ["aws-cloudmap-service-discovery-staleness", "warning", at(`new aws.servicediscovery.Service("web"`), "%SRCROOT%"],
                ["aws-cloudmap-service-max-ttl", "error", at(`new aws.servicediscovery.Service("web"`), "%SRCROOT%"],
                ["aws-ec2-security-group-discoverable-no-public-ingress", "warning", at(`new aws.ec2.SecurityGroup("web"`), "%SRCROOT%"],
                ["aws-iam-role-policy-task-least-privilege", "warning", at(`new aws.iam.Role("api-task"`), "%SRCROOT%"],
            ].sort());
            const ttl = results.find((r) => r.ruleId === "aws-cloudmap-service-max-ttl");
            assert.match(ttl?.message.text ?? "", /^web \(aws:servicediscovery\/service:Service\): dnsConfig\.dnsRecords\[0\]\.ttl: The SRV record's TTL is 300 s/);
            assert.deepStrictEqual(log.runs[0].originalUriBaseIds?.["%SRCROOT%"]?.uri, `file://${REPO_ROOT}/`);
        });
    });

    describe("hand-written resources, --format text", () => {
        it("shows the flows the hand-written security groups allow, CIDR flows as such", () => {
            assert.strictEqual(wiringText.code, 1, wiringText.stderr);
            const section = wiringText.stdout.split("\n\n").find((s) => s.startsWith("Connectivity"));
            assert.deepStrictEqual(section?.split("\n").filter((l) => l.includes(" : ")).map((l) => l.trim()), [
                "api → web : 443/tcp",
                "web → api : 8080/tcp",
                "api → security group db : 5432/tcp",
                "0.0.0.0/0 → web : 443/tcp (CIDR)",
                "api → 0.0.0.0/0 : all traffic (CIDR)",
            ]);
        });

        it("shows grants, environment and outputs without printing a secret", () => {
            const text = wiringText.stdout;
            assert.match(text, /may resolve \(DiscoverInstances as api-task\): web\.shop\.internal \(by ARN\); not visible to the plan: AmazonDynamoDBFullAccess \(AWS managed\)/);
            assert.match(text, /AWS-managed policy AmazonDynamoDBFullAccess \(https:\/\/docs\.aws\.amazon\.com\/aws-managed-policy\/latest\/reference\/AmazonDynamoDBFullAccess\.html\)/);
            assert.match(text, /SESSION_KEY from arn:aws:secretsmanager:us-east-1:123456789012:secret:session-key \(secret, injected by ECS\)/);
            assert.match(text, /API_TOKEN=\[secret\]\n {4}LOG_LEVEL=\[secret\]/);
            assert.match(text, /databasePassword {2}\[secret\]/);
            for (const run of [wiringText, wiringSarif]) {
                assert.doesNotMatch(run.stdout + run.stderr, /hunter2/);
            }
        });
    });
});

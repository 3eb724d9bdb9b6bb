import * as assert from "assert";
import * as path from "path";
import { findOverbroadGrants } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";
import { assertParentedByComponents, runExample } from "./fixtures";

const PAYMENTS = path.join(__dirname, "..", "..", "examples", "payments");
const SERVICES = ["api", "ledger", "fraud", "notifier"];
/** caller → callee, as the example declares them (notifier → api closes the cycle). */
const EDGES = [["api", "ledger"], ["api", "fraud"], ["fraud", "ledger"], ["ledger", "notifier"], ["notifier", "api"]];

describe("payments example: services that call each other in a cycle", () => {
    let graph: ResourceGraph;
    let outputs: Record<string, unknown>;
    const sgOf = (service: string) => graph.one("aws:ec2/securityGroup:SecurityGroup", `${service}-sg`).id;
    const containerOf = (service: string) => JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", `${service}-task`).inputs.containerDefinitions))[0];
    const document = (policy: RecordedResource) => JSON.parse(String(policy.inputs.policy));

    before(async () => {
        ({ graph, outputs } = await runExample(PAYMENTS));
    });

    it("admits exactly the five declared calls: each ingress from the caller's group to the callee's group on the callee's port", () => {
        const ingress = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((rule) => ({
            to: rule.inputs.securityGroupId, from: rule.inputs.referencedSecurityGroupId, ports: [rule.inputs.fromPort, rule.inputs.toPort],
            protocol: rule.inputs.ipProtocol, cidr: rule.inputs.cidrIpv4 ?? rule.inputs.cidrIpv6,
        }));
        const expected = EDGES.map(([caller, callee]) => ({ to: sgOf(callee), from: sgOf(caller), ports: [8080, 8080], protocol: "tcp", cidr: undefined }));
        const key = (r: { to: unknown; from: unknown }) => `${r.from}->${r.to}`;
        assert.deepStrictEqual(ingress.sort((a, b) => key(a).localeCompare(key(b))), expected.sort((a, b) => key(a).localeCompare(key(b))));
    });

    it("lets each caller out to exactly its callees (plus HTTPS), mirroring the ingress", () => {
        for (const service of SERVICES) {
            const egress = graph.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter((r) => r.inputs.securityGroupId === sgOf(service));
            const callees = EDGES.filter(([caller]) => caller === service).map(([, callee]) => sgOf(callee));
            assert.deepStrictEqual(egress.filter((r) => r.inputs.referencedSecurityGroupId !== undefined).map((r) => r.inputs.referencedSecurityGroupId).sort(), callees.sort(), service);
            assert.deepStrictEqual(egress.filter((r) => r.inputs.cidrIpv4 !== undefined).map((r) => [r.inputs.cidrIpv4, r.inputs.fromPort]), [["0.0.0.0/0", 443]]);
        }
    });

    it("grants each caller's task role DiscoverInstances scoped to each callee, five grants in all", () => {
        const grants = graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-discover"));
        assert.deepStrictEqual(grants.map((p) => p.name).sort(), EDGES.map(([caller, callee]) => `${caller}-to-${callee}-discover`).sort());
        for (const [caller, callee] of EDGES) {
            const grant = grants.find((p) => p.name === `${caller}-to-${callee}-discover`)!;
            assert.strictEqual(grant.inputs.role, graph.one("aws:iam/role:Role", `${caller}-task`).outputs.name);
            const [statement] = document(grant).Statement;
            assert.deepStrictEqual(statement.Action, ["servicediscovery:DiscoverInstances"]);
            assert.deepStrictEqual(statement.Condition.StringEquals, {
                "servicediscovery:NamespaceName": ["payments.internal"], "servicediscovery:ServiceName": [callee],
            });
            assert.deepStrictEqual(findOverbroadGrants(document(grant)), []);
        }
    });

    it("gives each service the names of exactly the services it calls and the resources it reads", () => {
        const environment = (service: string) => Object.fromEntries(containerOf(service).environment.map((e: { name: string; value: string }) => [e.name, e.value]));
        const calls = (callee: string) => ({ [`${callee.toUpperCase()}_SRV_NAME`]: `${callee}.payments.internal`, [`${callee.toUpperCase()}_PORT`]: "8080" });
        assert.deepStrictEqual(environment("api"), { ...calls("ledger"), ...calls("fraud") });
        assert.deepStrictEqual(environment("fraud"), calls("ledger"));
        assert.deepStrictEqual(environment("notifier"), calls("api"));
        assert.deepStrictEqual(environment("ledger"), { ...calls("notifier"), SETTLEMENTS_NAMESPACE: "payments.internal", SETTLEMENTS_SERVICE: "settlements" });
    });

    it("registers the queue as an API-only instance whose queueurl is the queue's URL output, read only by the ledger", () => {
        const queue = graph.one("aws:sqs/queue:Queue", "settlements");
        const instance = graph.one("aws:servicediscovery/instance:Instance", "settlements");
        assert.deepStrictEqual(instance.inputs.attributes, { queueurl: queue.outputs.url, environment: "prod" });
        assert.match(String(queue.outputs.url), /^https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/settlements-/);
        assert.deepStrictEqual(instance.propertyDependencies.attributes, [queue.urn]);
        assert.strictEqual(graph.one("aws:servicediscovery/service:Service", "settlements").inputs.type, "HTTP");
        const reads = graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.includes("-reads-"));
        assert.deepStrictEqual(reads.map((p) => p.name), ["ledger-reads-settlements"]);
        const statements = document(reads[0]).Statement;
        assert.deepStrictEqual(statements[1].Resource, [queue.outputs.arn]);
        assert.ok(!statements[1].Action.includes("sqs:SendMessage"));
    });

    it("runs the ledger on ARM64 with its database secret readable by its execution role only", () => {
        const task = graph.one("aws:ecs/taskDefinition:TaskDefinition", "ledger-task");
        assert.deepStrictEqual(task.inputs.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/ledger-db-AbCdEf";
        assert.deepStrictEqual(containerOf("ledger").secrets, [{ name: "LEDGER_DB_PASSWORD", valueFrom: secretArn }]);
        const policy = graph.one("aws:iam/rolePolicy:RolePolicy", "ledger-execution-secrets");
        assert.strictEqual(policy.inputs.role, graph.one("aws:iam/role:Role", "ledger-execution").outputs.name);
        assert.deepStrictEqual(document(policy).Statement, [{ Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArn] }]);
        assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-secrets")).map((p) => p.name), ["ledger-execution-secrets"]);
    });

    it("uses the existing VPC, subnets and cluster from the stack config, creating neither", () => {
        assert.strictEqual(graph.ofType("aws:ec2/vpc:Vpc").length, 0);
        assert.strictEqual(graph.ofType("aws:ecs/cluster:Cluster").length, 0);
        for (const service of graph.ofType("aws:ecs/service:Service")) {
            assert.strictEqual(service.inputs.cluster, "arn:aws:ecs:us-east-1:123456789012:cluster/payments");
        }
        assert.strictEqual(graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "payments").inputs.vpc, "vpc-0123456789abcdef0");
        assert.strictEqual(outputs.apiAddress, "api.payments.internal");
        // Everything but the program's own queue belongs to a component.
        assertParentedByComponents(new ResourceGraph(graph.resources.filter((r) => r.type !== "aws:sqs/queue:Queue")));
    });
});

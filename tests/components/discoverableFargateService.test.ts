import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { DiscoverableFargateService, DiscoverableFargateServiceArgs, DiscoverableService } from "../../components";
import { findOverbroadGrants } from "../../components/rules";
import { ResourceGraph } from "../../engine/resourceGraph";
import { assertParentedByComponents, assertRejects, graphOf, NAMESPACE, srvService } from "./fixtures";

const BASE = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
};

function fargate(name: string, discovery: DiscoverableService, extra: Partial<DiscoverableFargateServiceArgs> = {}): DiscoverableFargateService {
    return new DiscoverableFargateService(name, { ...BASE, discovery, container: { image: "nginx:1.27", port: 8080 }, ...extra });
}

/** The DiscoverInstances statement the components grant for a callee, as rendered JSON. */
export function discoverStatement(serviceName: string, graph: ResourceGraph, namespaceName = "quickship.local"): Record<string, unknown> {
    // The Cloud Map service's ARN; the namespace (also a required resource type) by its name condition.
    const service = graph.ofType("aws:servicediscovery/service:Service").find((r) => r.inputs.name === serviceName);
    const arn = service === undefined ? undefined : String(service.outputs.arn);
    return {
        Sid: `Discover${serviceName.split(/[^A-Za-z0-9]+/).map((p) => p[0].toUpperCase() + p.slice(1)).join("")}`,
        Effect: "Allow",
        Action: ["servicediscovery:DiscoverInstances"],
        Resource: arn === undefined ? ["*"] : [arn, arn.replace(/:service\/.*$/, ":namespace/*")],
        Condition: { StringEquals: { "servicediscovery:NamespaceName": [namespaceName], "servicediscovery:ServiceName": [serviceName] } },
    };
}

function containerDefinitions(graph: ResourceGraph, name: string): Record<string, unknown>[] {
    return JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", `${name}-task`).inputs.containerDefinitions));
}

describe("DiscoverableFargateService", () => {
    it("creates exactly the resources a self-registering Fargate service needs, all parented by the component", async () => {
        const graph = await graphOf(() => fargate("inventory", srvService("inventory-manager")));
        const component = graph.one("cloudmap-discovery:index:DiscoverableFargateService", "inventory");
        assert.deepStrictEqual(graph.childrenOf(component.urn).map((r) => `${r.type} ${r.name}`).sort(), [
            "aws:cloudwatch/logGroup:LogGroup inventory-logs",
            "aws:ec2/securityGroup:SecurityGroup inventory-sg",
            "aws:ecs/service:Service inventory",
            "aws:ecs/taskDefinition:TaskDefinition inventory-task",
            "aws:iam/role:Role inventory-execution",
            "aws:iam/role:Role inventory-task",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment inventory-execution",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule inventory-https-out",
        ]);
        assertParentedByComponents(graph);
    });

    it("registers tasks through serviceRegistries with the container name and port for SRV", async () => {
        const graph = await graphOf(() => fargate("inventory", srvService("inventory-manager")));
        const service = graph.one("aws:ecs/service:Service", "inventory").inputs;
        const registry = graph.one("aws:servicediscovery/service:Service", "inventory-manager");
        assert.deepStrictEqual(service.serviceRegistries, { registryArn: registry.outputs.arn, containerName: "inventory-manager", containerPort: 8080 });
        assert.strictEqual(service.launchType, "FARGATE");
        assert.strictEqual(service.desiredCount, 2);
        assert.strictEqual(service.cluster, BASE.cluster.arn);
        assert.deepStrictEqual(service.networkConfiguration, {
            subnets: BASE.subnetIds, securityGroups: [graph.one("aws:ec2/securityGroup:SecurityGroup", "inventory-sg").id], assignPublicIp: false,
        });
        assert.deepStrictEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
    });

    it("gives an A-only registration no port at all", async () => {
        const graph = await graphOf(() => fargate("web", srvService("web", { dnsRecordTypes: ["A"] })));
        const registry = graph.one("aws:servicediscovery/service:Service", "web");
        assert.deepStrictEqual(graph.one("aws:ecs/service:Service", "web").inputs.serviceRegistries, { registryArn: registry.outputs.arn });
    });

    it("builds an awsvpc Fargate task definition with the port mapped and logs shipped", async () => {
        const graph = await graphOf(() => fargate("inventory", srvService("inventory-manager"), { cpu: 512, memory: 1024 }));
        const task = graph.one("aws:ecs/taskDefinition:TaskDefinition", "inventory-task").inputs;
        assert.strictEqual(task.networkMode, "awsvpc");
        assert.deepStrictEqual(task.requiresCompatibilities, ["FARGATE"]);
        assert.strictEqual(task.cpu, "512");
        assert.strictEqual(task.memory, "1024");
        assert.strictEqual(task.taskRoleArn, graph.one("aws:iam/role:Role", "inventory-task").outputs.arn);
        assert.strictEqual(task.executionRoleArn, graph.one("aws:iam/role:Role", "inventory-execution").outputs.arn);
        const [container] = containerDefinitions(graph, "inventory");
        assert.deepStrictEqual(container.portMappings, [{ containerPort: 8080, protocol: "tcp" }]);
        assert.deepStrictEqual(container.logConfiguration, {
            logDriver: "awslogs",
            options: { "awslogs-group": "/ecs/dev/quickship.local/inventory-manager", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "inventory-manager" },
        });
        assert.strictEqual(graph.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "inventory-execution").inputs.policyArn,
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        const trust = JSON.parse(String(graph.one("aws:iam/role:Role", "inventory-task").inputs.assumeRolePolicy));
        assert.deepStrictEqual(trust.Statement, [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    });

    it("makes the ECS service wait for the network's outbound route, and for nothing else", async () => {
        const graph = await graphOf(() => {
            const route = new aws.ec2.RouteTableAssociation("nat-route", { subnetId: "subnet-0a", routeTableId: "rtb-0a" });
            fargate("inventory", srvService("inventory-manager"), { internetConnectivity: [route] });
        });
        const service = graph.one("aws:ecs/service:Service", "inventory");
        const implicit = new Set(Object.values(service.propertyDependencies).flat());
        assert.deepStrictEqual(service.dependencies.filter((d) => !implicit.has(d)), [graph.one("aws:ec2/routeTableAssociation:RouteTableAssociation", "nat-route").urn]);
    });

    it("derives a valid container name from an SRV-style service name", async () => {
        const graph = await graphOf(() => fargate("api", srvService("api", { name: "_api._tcp" })));
        assert.strictEqual(containerDefinitions(graph, "api")[0].name, "_api-_tcp");
        assert.strictEqual((graph.one("aws:ecs/service:Service", "api").inputs.serviceRegistries as { containerName: string }).containerName, "_api-_tcp");
    });

    it("creates its own cluster when none is given", async () => {
        const graph = await graphOf(() => fargate("solo", srvService("solo"), { cluster: undefined }));
        const cluster = graph.one("aws:ecs/cluster:Cluster", "solo-cluster");
        assert.strictEqual(graph.one("aws:ecs/service:Service", "solo").inputs.cluster, cluster.outputs.arn);
    });

    describe("talksTo", () => {
        async function callerAndCallee(): Promise<ResourceGraph> {
            return graphOf(() => {
                const inventory = fargate("inventory", srvService("inventory-manager"));
                fargate("orders", srvService("order-processor"), { talksTo: [inventory] });
            });
        }

        it("opens the callee's security group to the caller's group on the callee's port only, inside one ServiceEdge", async () => {
            const graph = await callerAndCallee();
            const calleeSg = graph.one("aws:ec2/securityGroup:SecurityGroup", "inventory-sg").id;
            const callerSg = graph.one("aws:ec2/securityGroup:SecurityGroup", "orders-sg").id;
            const edge = graph.one("cloudmap-discovery:index:ServiceEdge", "orders-to-inventory");
            assert.strictEqual(edge.parent, graph.one("cloudmap-discovery:index:DiscoverableFargateService", "orders").urn);
            assert.deepStrictEqual(graph.childrenOf(edge.urn).map((r) => `${r.type} ${r.name}`).sort(), [
                "aws:iam/rolePolicy:RolePolicy orders-to-inventory-discover",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule orders-to-inventory-egress",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule orders-to-inventory-ingress",
            ]);
            const ingress = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            assert.strictEqual(ingress.length, 1);
            assert.deepStrictEqual(ingress[0].inputs, {
                securityGroupId: calleeSg, referencedSecurityGroupId: callerSg, ipProtocol: "tcp", fromPort: 8080, toPort: 8080,
                description: "From order-processor.quickship.local",
            });
            const egress = graph.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "orders-to-inventory-egress").inputs;
            assert.deepStrictEqual(egress, {
                securityGroupId: callerSg, referencedSecurityGroupId: calleeSg, ipProtocol: "tcp", fromPort: 8080, toPort: 8080,
                description: "To inventory-manager.quickship.local",
            });
            // No rule anywhere admits traffic from a CIDR.
            assert.ok(ingress.every((r) => r.inputs.cidrIpv4 === undefined && r.inputs.cidrIpv6 === undefined));
        });

        it("grants the caller's task role DiscoverInstances on the callee only, nothing broader", async () => {
            const graph = await callerAndCallee();
            const policy = graph.one("aws:iam/rolePolicy:RolePolicy", "orders-to-inventory-discover");
            assert.strictEqual(policy.inputs.role, graph.one("aws:iam/role:Role", "orders-task").outputs.name);
            const document = JSON.parse(String(policy.inputs.policy));
            assert.deepStrictEqual(document.Statement, [discoverStatement("inventory-manager", graph)]);
            assert.deepStrictEqual(findOverbroadGrants(document), []);
            assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").map((r) => r.name), ["orders-to-inventory-discover"]);
        });

        it("hands the caller the SRV name and port through the environment", async () => {
            const graph = await callerAndCallee();
            const [container] = containerDefinitions(graph, "orders");
            assert.deepStrictEqual(container.environment, [
                { name: "INVENTORY_MANAGER_PORT", value: "8080" },
                { name: "INVENTORY_MANAGER_SRV_NAME", value: "inventory-manager.quickship.local" },
            ]);
            assert.deepStrictEqual(containerDefinitions(graph, "inventory")[0].environment, []);
        });
    });

    describe("refuses what AWS would reject", () => {
        const cases: [string, () => unknown, RegExp[]][] = [
            ["a discovery port the container does not map", () => fargate("x", srvService("x"), { discoveryPort: 9090 }),
                [/discoveryPort: Container "x" does not map port 9090 \(mapped: 8080\)/]],
            ["an unmapped discovery port on an A-only service (callers are admitted on it)", () => fargate("x", srvService("x", { dnsRecordTypes: ["A"] }), { discoveryPort: 9999 }),
                [/discoveryPort: Container "x" does not map port 9999 \(mapped: 8080\)/]],
            ["an API-only discovery service", () => fargate("x", new DiscoverableService("db", { name: "db", namespace: NAMESPACE, apiOnly: true })),
                [/discovery: "db" is API-only/]],
            ["a CNAME discovery service", () => fargate("x", srvService("legacy", { dnsRecordTypes: ["CNAME"], routingPolicy: "WEIGHTED" })),
                [/discovery: "legacy" uses CNAME records/]],
            ["a public IP", () => fargate("x", srvService("x"), { assignPublicIp: true }), [/assignPublicIp: Tasks get a public IP/]],
            ["a CPU/memory pair Fargate does not offer", () => fargate("x", srvService("x"), { cpu: 256, memory: 4096 }),
                [/memory: Fargate does not offer 4096 MiB with 256 CPU units/, /Use 512, 1024 or 2048 MiB/]],
            ["a port out of range", () => new DiscoverableFargateService("x", { ...BASE, discovery: srvService("x"), container: { image: "i", port: 70000 } }),
                [/container.port: 70000 is not a TCP port/]],
            ["a negative task count", () => fargate("x", srvService("x"), { desiredCount: -1 }), [/desiredCount: The task count is -1, outside 0–5000/]],
            ["a public DNS namespace", () => fargate("x", new DiscoverableService("x", { name: "x", namespace: { ...NAMESPACE, kind: "public-dns" } })),
                [/discovery: "x.quickship.local" is in a public DNS namespace, which would publish the tasks' private addresses/]],
            ["a container name ECS rejects", () => new DiscoverableFargateService("x", { ...BASE, discovery: srvService("x"), container: { image: "i", port: 80, name: "my app" } }),
                [/container.name: "my app" is not a container name/]],
            ["two dependencies announced under the same variables", () => fargate("x", srvService("x"), {
                talksTo: [fargate("a", srvService("inv")), fargate("b", new DiscoverableService("inv2", { name: "inv", namespace: { namespaceId: "ns-0other", name: "other.local" } }))],
            }), [/calls to inv.other.local: inv.quickship.local and inv.other.local would both be announced as INV_\*/]],
            ["an own variable a discovery variable would overwrite", () => fargate("x", srvService("x"), {
                talksTo: [fargate("a", srvService("inventory-manager"))],
                container: { image: "i", port: 8080, environment: { INVENTORY_MANAGER_SRV_NAME: "hard-coded" } },
            }), [/calls to inventory-manager.quickship.local: INVENTORY_MANAGER_SRV_NAME is both a variable of the container's own and the discovery variable/]],
            ["an empty subnet list", () => fargate("x", srvService("x"), { subnetIds: [] }), [/subnetIds: The list of subnets is empty; ECS needs at least 1/]],
            ["an empty image", () => new DiscoverableFargateService("x", { ...BASE, discovery: srvService("x"), container: { image: " ", port: 80 } }),
                [/container.image: The container image is empty/]],
            ["a discovery port of 0 (reported as invalid, once)", () => fargate("x", srvService("x"), { discoveryPort: 0 }),
                [/discoveryPort: 0 is not a TCP port/]],
        ];
        for (const [what, program, patterns] of cases) {
            it(what, () => assertRejects(program, /DiscoverableFargateService "x" has invalid arguments/, ...patterns, /Fix: /));
        }
    });
});

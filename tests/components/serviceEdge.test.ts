import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { connect, DiscoverableFargateService, DiscoverableService, peerFromEcsService, ServiceEdge, ServicePeer } from "../../components";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { ResourceGraph } from "../../engine/resourceGraph";
import { assertRejects, graphOf, NAMESPACE, srvService } from "./fixtures";

const BASE = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"],
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
};

function fargate(name: string, port = 8080): DiscoverableFargateService {
    return new DiscoverableFargateService(name, { ...BASE, discovery: srvService(name), container: { image: "nginx:1.27", port } });
}

function environmentOf(graph: ResourceGraph, name: string): Record<string, string> {
    const [container] = JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", `${name}-task`).inputs.containerDefinitions));
    return Object.fromEntries(container.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
}

/** caller → callee pairs the ingress rules admit, by security group resource name. */
function admitted(graph: ResourceGraph): string[] {
    const nameOf = (id: unknown) => graph.ofType("aws:ec2/securityGroup:SecurityGroup").find((sg) => sg.id === id)?.name.replace(/-sg$/, "");
    return graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .map((r) => `${nameOf(r.inputs.referencedSecurityGroupId)} → ${nameOf(r.inputs.securityGroupId)}:${r.inputs.fromPort}`).sort();
}

describe("connect: calls declared once both services exist", () => {
    it("expresses a cycle (a → b → c → a) that talksTo alone cannot, with one edge per call", async () => {
        const graph = await graphOf(() => {
            const a = fargate("a", 8001);
            const b = fargate("b", 8002);
            const c = fargate("c", 8003);
            connect(a, b);
            connect(b, c);
            connect(c, a);
        });
        assert.deepStrictEqual(admitted(graph), ["a → b:8002", "b → c:8003", "c → a:8001"]);
        assert.deepStrictEqual(graph.ofType("cloudmap-discovery:index:ServiceEdge").map((e) => e.name).sort(), ["a-to-b", "b-to-c", "c-to-a"]);
        assert.deepStrictEqual(environmentOf(graph, "a"), { B_PORT: "8002", B_SRV_NAME: "b.quickship.local" });
        assert.deepStrictEqual(environmentOf(graph, "c"), { A_PORT: "8001", A_SRV_NAME: "a.quickship.local" });
        // Each edge and its resources belong to the caller.
        const edge = graph.one("cloudmap-discovery:index:ServiceEdge", "c-to-a");
        assert.strictEqual(edge.parent, graph.one("cloudmap-discovery:index:DiscoverableFargateService", "c").urn);
        assert.deepStrictEqual(graph.childrenOf(edge.urn).map((r) => r.type).sort(), [
            "aws:iam/rolePolicy:RolePolicy", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        ]);
    });

    it("produces the same edge resources as talksTo for the same call", async () => {
        const viaTalksTo = await graphOf(() => {
            const callee = fargate("callee");
            new DiscoverableFargateService("caller", { ...BASE, discovery: srvService("caller"), container: { image: "nginx", port: 8080 }, talksTo: [callee] });
        });
        const viaConnect = await graphOf(() => {
            const callee = fargate("callee");
            connect(new DiscoverableFargateService("caller", { ...BASE, discovery: srvService("caller"), container: { image: "nginx", port: 8080 } }), callee);
        });
        const edgeResources = (graph: ResourceGraph) => graph.resources.filter((r) => r.name.startsWith("caller-to-callee")).map((r) => [r.type, r.name, r.inputs]);
        assert.deepStrictEqual(edgeResources(viaConnect), edgeResources(viaTalksTo));
        assert.deepStrictEqual(environmentOf(viaConnect, "caller"), environmentOf(viaTalksTo, "caller"));
    });

    it("refuses a call declared twice (talksTo and connect), naming both ends, and creates no second edge", async () => {
        await assertRejects(() => {
            const callee = fargate("callee");
            const caller = new DiscoverableFargateService("caller", { ...BASE, discovery: srvService("caller"), container: { image: "nginx", port: 8080 }, talksTo: [callee] });
            connect(caller, callee);
        }, /ServiceEdge "caller-to-callee" has invalid arguments/, /callee: caller already calls callee.quickship.local/, /Declare each call once/);
    });

    it("refuses a service calling itself", () => assertRejects(() => {
        const a = fargate("a");
        connect(a, a);
    }, /ServiceEdge "a-to-a"/, /callee: a cannot declare that it calls itself/));

    it("refuses a call whose variables would clash with one already declared, and leaves no trace of it", async () => {
        let refusal: Error | undefined;
        const graph = await graphOf(() => {
            const caller = fargate("caller");
            connect(caller, fargate("inv"));
            const other = new DiscoverableFargateService("inv-other", {
                ...BASE, discovery: new DiscoverableService("inv-other", { name: "inv", namespace: { namespaceId: "ns-0other", name: "other.local" } }),
                container: { image: "nginx", port: 9090 },
            });
            try {
                connect(caller, other);
            } catch (error) {
                refusal = error as Error;
            }
        });
        assert.match(refusal?.message ?? "", /calls to inv.other.local: inv.quickship.local and inv.other.local would both be announced as INV_\*/);
        assert.deepStrictEqual(graph.ofType("cloudmap-discovery:index:ServiceEdge").map((e) => e.name), ["caller-to-inv"]);
        assert.deepStrictEqual(environmentOf(graph, "caller"), { INV_PORT: "8080", INV_SRV_NAME: "inv.quickship.local" });
    });

    it("fails with the fix when a call is declared after the caller's task definition was rendered", async () => {
        await assert.rejects(runUnderMocks(async () => {
            const a = fargate("a");
            const b = fargate("b");
            // The next turn of the event loop: the services' task definitions are rendered by then.
            await new Promise((resolve) => setImmediate(resolve));
            connect(a, b);
        }), /DiscoverableFargateService "a": calls to b.quickship.local was declared after its task definition was rendered. Fix: declare calls/);
    });
});

describe("peers built without the components", () => {
    const otherStackCallee: ServicePeer = {
        securityGroupId: "sg-0otherstack0000000",
        port: 9000,
        discovery: { name: "billing", namespaceName: "quickship.local", serviceArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0billing00000000" },
    };

    it("calls a service of another stack given by ids: rules on both groups, a grant and variables, no resource of its own", async () => {
        const graph = await graphOf(() => {
            new DiscoverableFargateService("orders", { ...BASE, discovery: srvService("orders"), container: { image: "nginx", port: 8080 }, talksTo: [otherStackCallee] });
        });
        const ingress = graph.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "orders-to-billing-ingress").inputs;
        assert.strictEqual(ingress.securityGroupId, "sg-0otherstack0000000");
        assert.deepStrictEqual([ingress.fromPort, ingress.toPort], [9000, 9000]);
        assert.deepStrictEqual(environmentOf(graph, "orders"), { BILLING_PORT: "9000", BILLING_SRV_NAME: "billing.quickship.local" });
    });

    it("lets a raw aws.ecs.Service call in and out (task role by ARN, security group from its network configuration)", async () => {
        const graph = await graphOf(() => {
            const discovery = srvService("legacy");
            const sg = new aws.ec2.SecurityGroup("legacy-sg", { vpcId: BASE.vpcId });
            const raw = new aws.ecs.Service("legacy", {
                cluster: BASE.cluster.arn, taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:3", desiredCount: 1, launchType: "FARGATE",
                networkConfiguration: { subnets: BASE.subnetIds, securityGroups: [sg.id] },
                serviceRegistries: discovery.serviceRegistryFor({ name: "app", portMappings: [{ containerPort: 7000 }] }),
            });
            const legacy = peerFromEcsService(raw, { discovery, port: 7000, taskRoleArn: "arn:aws:iam::123456789012:role/team/legacy-task" });
            const modern = fargate("modern");
            connect(legacy, modern);
            connect(modern, legacy);
        });
        const legacySg = graph.one("aws:ec2/securityGroup:SecurityGroup", "legacy-sg").id;
        const ingressInto = (name: string) => graph.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name).inputs;
        assert.strictEqual(ingressInto("legacy-to-modern-ingress").referencedSecurityGroupId, legacySg);
        assert.strictEqual(ingressInto("modern-to-legacy-ingress").securityGroupId, legacySg);
        assert.strictEqual(ingressInto("modern-to-legacy-ingress").fromPort, 7000);
        // The grant goes to the role named by the ARN's last path segment.
        assert.strictEqual(graph.one("aws:iam/rolePolicy:RolePolicy", "legacy-to-modern-discover").inputs.role, "legacy-task");
        const registry = graph.one("aws:ecs/service:Service", "legacy").inputs.serviceRegistries;
        assert.deepStrictEqual(registry, { registryArn: graph.one("aws:servicediscovery/service:Service", "legacy").outputs.arn, containerName: "app", containerPort: 7000 });
        // An edge between a peer and a component belongs to the component.
        assert.strictEqual(graph.one("cloudmap-discovery:index:ServiceEdge", "legacy-to-modern").parent,
            graph.one("cloudmap-discovery:index:DiscoverableFargateService", "modern").urn);
    });

    it("checks the serviceRegistries block against the container, as ECS would", () => assertRejects(() => {
        srvService("legacy").serviceRegistryFor({ name: "app", portMappings: [{ containerPort: 7000 }] }, 7001);
    }, /DiscoverableService "legacy"/, /serviceRegistryFor.* Container "app" does not map port 7001/));

    it("refuses a callee without a port or a caller without a task role, naming the missing part", async () => {
        await assertRejects(() => connect(fargate("a"), { ...otherStackCallee, port: undefined }), /callee.port: The callee has no port/);
        await assertRejects(() => connect({ securityGroupId: "sg-0caller" }, otherStackCallee), /caller.taskRoleArn: The caller has neither a task role ARN nor a task role name/);
    });

    it("can be created on its own, as other languages do, with plain data on both ends", async () => {
        const graph = await graphOf(() => new ServiceEdge("ext", {
            caller: { securityGroupId: "sg-0caller000000000", taskRoleName: "caller-task" },
            callee: otherStackCallee,
        }));
        assert.strictEqual(graph.one("aws:iam/rolePolicy:RolePolicy", "ext-discover").inputs.role, "caller-task");
        assert.strictEqual(graph.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "ext-egress").inputs.securityGroupId, "sg-0caller000000000");
    });
});

describe("DiscoverableService names", () => {
    it("refuses a second service of the same name in the same namespace of one program", () => assertRejects(() => {
        srvService("orders");
        new DiscoverableService("orders-again", { name: "orders", namespace: NAMESPACE });
    }, /DiscoverableService "orders-again"/, /name: "orders" is already the name of a service in this namespace \(declared at the DiscoverableService "orders"\)/));

    it("refuses names that differ only in case in a DNS namespace, where they are the same DNS name", () => assertRejects(() => {
        srvService("orders");
        new DiscoverableService("orders-upper", { name: "Orders", namespace: NAMESPACE });
    }, /name: "Orders" is already the name of a service in this namespace .*differ only in case/));

    it("allows the same name in another namespace, and again in another program run", async () => {
        await graphOf(() => {
            srvService("orders");
            new DiscoverableService("orders-2", { name: "orders", namespace: { namespaceId: "ns-0other", name: "other.local" } });
        });
        await graphOf(() => srvService("orders"));
    });
});

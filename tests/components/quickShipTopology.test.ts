import * as assert from "assert";
import { QuickShipTopology } from "../../components";
import { findOverbroadGrants, findOpenIngress } from "../../components/rules";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { ResourceGraph } from "../../engine/resourceGraph";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";
import { assertParentedByComponents, assertRejects, graphOf } from "./fixtures";

const EXPECTED_COUNTS: Record<string, number> = {
    "pulumi:pulumi:Stack": 1,
    "cloudmap-discovery:index:QuickShipTopology": 1,
    "cloudmap-discovery:index:DiscoveryNetwork": 1,
    "cloudmap-discovery:index:PrivateDnsNamespace": 1,
    "cloudmap-discovery:index:DiscoverableService": 3,
    "cloudmap-discovery:index:DiscoverableFargateService": 2,
    "cloudmap-discovery:index:RegisteredResource": 1,
    "cloudmap-discovery:index:ServiceEdge": 1,
    "aws:ec2/vpc:Vpc": 1,
    "aws:ec2/subnet:Subnet": 4,
    "aws:ec2/internetGateway:InternetGateway": 1,
    "aws:ec2/eip:Eip": 1,
    "aws:ec2/natGateway:NatGateway": 1,
    "aws:ec2/routeTable:RouteTable": 2,
    "aws:ec2/routeTableAssociation:RouteTableAssociation": 4,
    "aws:ecs/cluster:Cluster": 1,
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": 1,
    "aws:servicediscovery/service:Service": 3,
    "aws:servicediscovery/instance:Instance": 1,
    "aws:dynamodb/table:Table": 1,
    "aws:cloudwatch/logGroup:LogGroup": 2,
    "aws:iam/role:Role": 4,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 2,
    "aws:iam/rolePolicy:RolePolicy": 2,
    "aws:ec2/securityGroup:SecurityGroup": 2,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 3,
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 1,
    "aws:ecs/taskDefinition:TaskDefinition": 2,
    "aws:ecs/service:Service": 2,
};

describe("QuickShip example (whole program under mocks)", () => {
    let graph: ResourceGraph;
    let outputs: Record<string, unknown>;
    before(async () => {
        ({ graph, outputs } = await runUnderMocks(quickshipProgram, { project: "quickship" }));
    });

    it("declares exactly the expected resources", () => {
        assert.deepStrictEqual(graph.countByType(), EXPECTED_COUNTS);
    });

    it("parents every AWS resource by a component of this package", () => {
        assertParentedByComponents(graph);
        const top = graph.one("cloudmap-discovery:index:QuickShipTopology", "quickship");
        assert.ok(graph.resources.filter((r) => r.type.startsWith("cloudmap-discovery:") && r !== top).every((r) => r.parent === top.urn || graph.get(r.parent!)?.parent === top.urn));
    });

    it("creates quickship.local in a VPC with DNS support and hostnames on", () => {
        const vpc = graph.one("aws:ec2/vpc:Vpc", "quickship-network");
        assert.strictEqual(vpc.inputs.enableDnsSupport, true);
        assert.strictEqual(vpc.inputs.enableDnsHostnames, true);
        const namespace = graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "quickship-namespace");
        assert.strictEqual(namespace.inputs.name, "quickship.local");
        assert.strictEqual(namespace.inputs.vpc, vpc.id);
    });

    it("publishes SRV records with TTL 10 and MULTIVALUE for both ECS services, and one API-only service", () => {
        const byName = Object.fromEntries(graph.ofType("aws:servicediscovery/service:Service").map((s) => [s.inputs.name, s.inputs]));
        for (const name of ["inventory-manager", "order-processor"]) {
            assert.deepStrictEqual((byName[name].dnsConfig as Record<string, unknown>).dnsRecords, [{ type: "SRV", ttl: 10 }]);
            assert.strictEqual((byName[name].dnsConfig as Record<string, unknown>).routingPolicy, "MULTIVALUE");
            assert.deepStrictEqual(byName[name].healthCheckCustomConfig, { failureThreshold: 1 });
            assert.strictEqual(byName[name].healthCheckConfig, undefined);
        }
        assert.strictEqual(byName["user-auth-db"].type, "HTTP");
        assert.strictEqual(byName["user-auth-db"].dnsConfig, undefined);
    });

    it("registers the UserAuth table as an API-only instance with tablename and environment", () => {
        const instance = graph.one("aws:servicediscovery/instance:Instance", "quickship-user-auth-db");
        assert.deepStrictEqual(instance.inputs.attributes, { tablename: "UserAuth", environment: "prod" });
        const table = graph.one("aws:dynamodb/table:Table", "quickship-user-auth");
        assert.strictEqual(table.inputs.name, "UserAuth");
        assert.deepStrictEqual(table.inputs.pointInTimeRecovery, { enabled: true });
        assert.strictEqual(table.inputs.deletionProtectionEnabled, true);
        assert.strictEqual(table.options.retainOnDelete, true);
    });

    it("lets order-processor read only UserAuth and discover only its two dependencies, one grant per dependency", () => {
        const documentOf = (name: string) => JSON.parse(String(graph.one("aws:iam/rolePolicy:RolePolicy", name).inputs.policy));
        const taskRole = graph.one("aws:iam/role:Role", "quickship-order-processor-task").outputs.name;
        const policies = graph.ofType("aws:iam/rolePolicy:RolePolicy");
        assert.deepStrictEqual(policies.map((p) => [p.name, p.inputs.role]).sort(), [
            ["quickship-order-processor-reads-user-auth-db", taskRole],
            ["quickship-order-processor-to-quickship-inventory-manager-discover", taskRole],
        ]);
        const reads = documentOf("quickship-order-processor-reads-user-auth-db");
        const tableArn = graph.one("aws:dynamodb/table:Table", "quickship-user-auth").outputs.arn;
        assert.deepStrictEqual(reads.Statement.map((s: { Sid: string }) => s.Sid), ["DiscoverUserAuthDb", "ReadUserAuthDb"]);
        assert.deepStrictEqual(reads.Statement[1].Resource, [tableArn, `${tableArn}/index/*`]);
        const calls = documentOf("quickship-order-processor-to-quickship-inventory-manager-discover");
        assert.deepStrictEqual(calls.Statement.map((s: { Sid: string }) => s.Sid), ["DiscoverInventoryManager"]);
        assert.deepStrictEqual([...findOverbroadGrants(reads), ...findOverbroadGrants(calls)], []);
    });

    it("admits order-processor into inventory-manager on port 80 only, and nothing from the internet", () => {
        const [ingress] = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.strictEqual(ingress.inputs.securityGroupId, graph.one("aws:ec2/securityGroup:SecurityGroup", "quickship-inventory-manager-sg").id);
        assert.strictEqual(ingress.inputs.referencedSecurityGroupId, graph.one("aws:ec2/securityGroup:SecurityGroup", "quickship-order-processor-sg").id);
        assert.strictEqual(ingress.inputs.fromPort, 80);
        const allIngress = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => ({
            cidrs: [r.inputs.cidrIpv4, r.inputs.cidrIpv6].filter((c): c is string => typeof c === "string"), path: r.name,
        }));
        assert.deepStrictEqual(findOpenIngress(allIngress), []);
        assert.ok(graph.ofType("aws:ec2/securityGroup:SecurityGroup").every((sg) => sg.inputs.ingress === undefined));
    });

    it("runs tasks in the private subnets without public IPs", () => {
        const privateSubnets = graph.ofType("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("private")).map((s) => s.id);
        for (const service of graph.ofType("aws:ecs/service:Service")) {
            const network = service.inputs.networkConfiguration as { subnets: string[]; assignPublicIp: boolean };
            assert.deepStrictEqual(network.subnets, privateSubnets);
            assert.strictEqual(network.assignPublicIp, false);
        }
    });

    it("orders creation by real dependencies only: namespace → Cloud Map service → ECS service, and NAT routes → ECS service", () => {
        const namespace = graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "quickship-namespace");
        const cloudMap = graph.one("aws:servicediscovery/service:Service", "quickship-inventory-manager");
        const ecs = graph.one("aws:ecs/service:Service", "quickship-inventory-manager");
        assert.deepStrictEqual(cloudMap.propertyDependencies.dnsConfig, [namespace.urn]);
        assert.deepStrictEqual(ecs.propertyDependencies.serviceRegistries, [cloudMap.urn]);
        // The one explicit dependency: ECS services wait for the NAT routes of their subnets (as AWS CDK does),
        // so no task tries to pull its image before it can.
        const natRoutes = graph.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").filter((r) => r.name.includes("private")).map((r) => r.urn);
        for (const r of graph.resources.filter((x) => x.custom)) {
            const implicit = new Set(Object.values(r.propertyDependencies).flat());
            const explicit = r.dependencies.filter((d) => !implicit.has(d));
            assert.deepStrictEqual(explicit, r.type === "aws:ecs/service:Service" ? natRoutes : [], `${r.name} has an unexpected dependsOn`);
        }
    });

    it("exports the names and ARNs a user needs", () => {
        assert.strictEqual(outputs.namespaceName, "quickship.local");
        assert.strictEqual(outputs.inventoryManagerAddress, "inventory-manager.quickship.local");
        assert.strictEqual(outputs.userAuthDbService, "user-auth-db");
        assert.match(String(outputs.userAuthDbServiceArn), /^arn:aws:servicediscovery:us-east-1:123456789012:service\/srv-[0-9a-f]{16}$/);
        assert.strictEqual(outputs.userAuthTableArn, "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth");
        assert.match(String(outputs.namespaceId), /^ns-[0-9a-f]{16}$/);
        assert.match(String(outputs.orderProcessorTaskRoleArn), /^arn:aws:iam::123456789012:role\/quickship-order-processor-task-[0-9a-f]{7}$/);
    });
});

describe("QuickShipTopology in an existing network and cluster", () => {
    it("creates no VPC or cluster and uses the given ids", async () => {
        const graph = await graphOf(() => new QuickShipTopology("qs", {
            network: { vpcId: "vpc-0e000000000000001", privateSubnetIds: ["subnet-0a00000000000000a", "subnet-0b00000000000000b"] },
            cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
            environment: "staging",
        }));
        assert.strictEqual(graph.ofType("aws:ec2/vpc:Vpc").length, 0);
        assert.strictEqual(graph.ofType("aws:ecs/cluster:Cluster").length, 0);
        assert.strictEqual(graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "qs-namespace").inputs.vpc, "vpc-0e000000000000001");
        for (const service of graph.ofType("aws:ecs/service:Service")) {
            assert.strictEqual(service.inputs.cluster, "arn:aws:ecs:us-east-1:123456789012:cluster/shared");
            assert.deepStrictEqual((service.inputs.networkConfiguration as { subnets: string[] }).subnets, ["subnet-0a00000000000000a", "subnet-0b00000000000000b"]);
        }
        assert.deepStrictEqual(graph.one("aws:servicediscovery/instance:Instance", "qs-user-auth-db").inputs.attributes, { tablename: "UserAuth", environment: "staging" });
        assertParentedByComponents(graph);
    });

    it("takes the example's configuration", async () => {
        const { graph } = await runUnderMocks(quickshipProgram, {
            project: "quickship",
            config: { "quickship:vpcId": "vpc-0c000000000000fff", "quickship:privateSubnetIds": '["subnet-0c00000000000000c"]', "quickship:ttlSeconds": "5" },
        });
        assert.strictEqual(graph.ofType("aws:ec2/vpc:Vpc").length, 0);
        const inventory = graph.one("aws:servicediscovery/service:Service", "quickship-inventory-manager");
        assert.deepStrictEqual((inventory.inputs.dnsConfig as { dnsRecords: unknown }).dnsRecords, [{ type: "SRV", ttl: 5 }]);
    });

    it("refuses a TTL above the ceiling in its own terms, before creating anything", () =>
        assertRejects(() => new QuickShipTopology("qs", { ttlSeconds: 600 }), /QuickShipTopology "qs" has invalid arguments/, /ttlSeconds: .*600 s, above the 60 s ceiling/));
    it("refuses a namespace that is not a DNS name", () =>
        assertRejects(() => new QuickShipTopology("qs", { namespaceName: "quick ship" }), /QuickShipTopology "qs"/, /namespaceName: "quick ship" is not a DNS name/));
    it("refuses a port out of range", () =>
        assertRejects(() => new QuickShipTopology("qs", { port: 0 }), /QuickShipTopology "qs"/, /port: 0 is not a TCP port/));
    it("refuses an environment value Cloud Map cannot store", () =>
        assertRejects(() => new QuickShipTopology("qs", { environment: "x".repeat(1025) }), /QuickShipTopology "qs"/, / environment: The value is not 0-1024/));
});

import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { connect, DiscoverableFargateService, networkFromAwsxVpc, peerFromAwsxFargateService, PrivateDnsNamespace } from "../../components";
import { ResourceGraph } from "../../engine/resourceGraph";
import { assertRejects, graphOf, NAMESPACE, runExample, srvService } from "./fixtures";

const AWSX = path.join(__dirname, "..", "..", "examples", "awsx");

describe("awsx example: an awsx VPC and FargateService with the components", () => {
    let graph: ResourceGraph;
    let outputs: Record<string, unknown>;
    const catalogSg = () => graph.one("aws:ec2/securityGroup:SecurityGroup", "catalog").id;
    const checkoutSg = () => graph.one("aws:ec2/securityGroup:SecurityGroup", "checkout-sg").id;

    before(async () => {
        ({ graph, outputs } = await runExample(AWSX));
    });

    it("sees the awsx components as remote, with none of their children (their plugin creates them at deploy time)", () => {
        const remote = graph.resources.filter((r) => r.remote).map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(remote, ["awsx:ec2:Vpc shop", "awsx:ecs:FargateService catalog"]);
        for (const type of ["awsx:ec2:Vpc", "awsx:ecs:FargateService"]) {
            assert.deepStrictEqual(graph.childrenOf(graph.one(type, type === "awsx:ec2:Vpc" ? "shop" : "catalog").urn), []);
        }
    });

    it("puts the namespace and checkout's tasks in the awsx VPC's private subnets, waiting for the VPC (its routes)", () => {
        const vpc = graph.one("awsx:ec2:Vpc", "shop");
        assert.strictEqual(graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "shop").inputs.vpc, vpc.outputs.vpcId);
        const checkout = graph.one("aws:ecs/service:Service", "checkout");
        assert.deepStrictEqual((checkout.inputs.networkConfiguration as { subnets: string[] }).subnets, vpc.outputs.privateSubnetIds);
        assert.strictEqual((vpc.outputs.privateSubnetIds as string[]).length, 2, "numberOfAvailabilityZones: 2");
        assert.ok(checkout.dependencies.includes(vpc.urn), "checkout's ECS service waits for the awsx VPC, whose routes are its way out");
    });

    it("gives the awsx FargateService the serviceRegistries block of the catalog's Cloud Map service, derived from its container", () => {
        const catalog = graph.one("awsx:ecs:FargateService", "catalog");
        assert.deepStrictEqual(catalog.inputs.serviceRegistries, {
            registryArn: graph.one("aws:servicediscovery/service:Service", "catalog").outputs.arn, containerName: "catalog", containerPort: 8080,
        });
        assert.deepStrictEqual((catalog.inputs.networkConfiguration as { securityGroups: string[] }).securityGroups, [catalogSg()]);
    });

    it("lets checkout call the catalog through the peer shape: one ingress, one egress, a scoped grant, the variables", () => {
        const ingress = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs);
        assert.deepStrictEqual(ingress.map((r) => [r.securityGroupId, r.referencedSecurityGroupId, r.fromPort, r.toPort, r.ipProtocol]),
            [[catalogSg(), checkoutSg(), 8080, 8080, "tcp"]]);
        const egress = graph.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "checkout-to-catalog-egress").inputs;
        assert.deepStrictEqual([egress.securityGroupId, egress.referencedSecurityGroupId, egress.fromPort], [checkoutSg(), catalogSg(), 8080]);

        const grant = graph.one("aws:iam/rolePolicy:RolePolicy", "checkout-to-catalog-discover");
        assert.strictEqual(grant.inputs.role, graph.one("aws:iam/role:Role", "checkout-task").outputs.name);
        const [statement] = JSON.parse(String(grant.inputs.policy)).Statement;
        assert.deepStrictEqual(statement.Action, ["servicediscovery:DiscoverInstances"]);
        assert.ok(statement.Resource.includes(graph.one("aws:servicediscovery/service:Service", "catalog").outputs.arn), JSON.stringify(statement.Resource));
        assert.deepStrictEqual(statement.Condition.StringEquals["servicediscovery:ServiceName"], ["catalog"]);

        const [container] = JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", "checkout-task").inputs.containerDefinitions));
        const environment = Object.fromEntries((container.environment as { name: string; value: string }[]).map((e) => [e.name, e.value]));
        assert.deepStrictEqual(environment, { CATALOG_PORT: "8080", CATALOG_SRV_NAME: "catalog.shop.internal" });
        assert.deepStrictEqual(outputs, { catalogSrvName: "catalog.shop.internal", checkoutSecurityGroupId: checkoutSg() });
    });
});

describe("awsx adapters", () => {
    const BASE = { cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" }, vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] };

    /** What an awsx VPC exposes, around a real aws.ec2.Vpc (awsx's own children are not built offline). */
    function awsxVpcLike(enableDnsHostnames: boolean | undefined) {
        const vpc = new aws.ec2.Vpc("awsx-like", { cidrBlock: "10.0.0.0/16", enableDnsHostnames });
        return { vpcId: vpc.id, privateSubnetIds: pulumi.output(["subnet-0aaaaaaaaaaaaaaaa"]), routes: pulumi.output([] as aws.ec2.Route[]), vpc: pulumi.output(vpc) };
    }

    it("refuses a namespace in an awsx VPC with DNS hostnames left off (awsx's default), saying how to turn them on", () => assertRejects(() => {
        const network = networkFromAwsxVpc(awsxVpcLike(undefined));
        new PrivateDnsNamespace("shop", { name: "shop.internal", ...network });
    }, /PrivateDnsNamespace "shop" has invalid arguments/, /enableDnsHostnames: The VPC has DNS hostnames turned off.* Fix: Turn enableDnsHostnames on for the VPC \(an awsx VPC leaves DNS hostnames off unless created with \{ enableDnsHostnames: true \}\)/));

    it("accepts an awsx VPC created with DNS hostnames on", async () => {
        const graph = await graphOf(() => {
            const network = networkFromAwsxVpc(awsxVpcLike(true));
            new PrivateDnsNamespace("shop", { name: "shop.internal", ...network });
        });
        assert.strictEqual(graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "shop").inputs.vpc, graph.one("aws:ec2/vpc:Vpc", "awsx-like").id);
    });

    /** What an awsx FargateService exposes, around a real aws.ecs.Service and task definition. */
    function awsxServiceLike(name: string, securityGroups: pulumi.Input<string>[]) {
        const taskDefinition = new aws.ecs.TaskDefinition(name, {
            family: name, cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
            taskRoleArn: `arn:aws:iam::123456789012:role/${name}-task`,
            containerDefinitions: JSON.stringify([{ name, image: "nginx", portMappings: [{ containerPort: 7000 }] }]),
        });
        const service = new aws.ecs.Service(name, {
            cluster: BASE.cluster.arn, taskDefinition: taskDefinition.arn, desiredCount: 1, launchType: "FARGATE",
            networkConfiguration: { subnets: BASE.subnetIds, securityGroups },
        });
        return { service: pulumi.output(service), taskDefinition: pulumi.output(taskDefinition) };
    }

    it("lets an awsx service call a component: its security group from the service, the grant on its task definition's task role", async () => {
        const graph = await graphOf(() => {
            const sg = new aws.ec2.SecurityGroup("legacy-sg", { vpcId: BASE.vpcId });
            const legacy = peerFromAwsxFargateService(awsxServiceLike("legacy", [sg.id]), { discovery: srvService("legacy"), port: 7000 });
            const orders = new DiscoverableFargateService("orders", { ...BASE, discovery: srvService("orders"), container: { image: "nginx", port: 8080 } });
            connect(legacy, orders);
        });
        const ingress = graph.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "legacy-to-orders-ingress").inputs;
        assert.strictEqual(ingress.referencedSecurityGroupId, graph.one("aws:ec2/securityGroup:SecurityGroup", "legacy-sg").id);
        assert.strictEqual(graph.one("aws:iam/rolePolicy:RolePolicy", "legacy-to-orders-discover").inputs.role, "legacy-task");
    });

    it("refuses an awsx service with two security groups and no securityGroupId, asking for it", () => assertRejects(() => {
        const service = awsxServiceLike("legacy", ["sg-0aaaaaaaaaaaaaaaa", "sg-0bbbbbbbbbbbbbbbb"]);
        const orders = new DiscoverableFargateService("orders", { ...BASE, discovery: srvService("orders"), container: { image: "nginx", port: 8080 } });
        connect(orders, peerFromAwsxFargateService(service, { discovery: srvService("legacy", { namespace: NAMESPACE }), port: 7000 }));
    }, /peerFromAwsxFargateService/, /securityGroupId: The service's network configuration has 2 security groups.* Fix: Pass securityGroupId explicitly/));
});

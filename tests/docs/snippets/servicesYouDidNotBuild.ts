import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { connect, DiscoverableFargateService, DiscoverableService, peerFromEcsService, ServicePeer } from "@quickship/cloudmap-discovery";

const config = new pulumi.Config("checkout");
const namespace = { name: "payments.internal", namespaceId: config.require("namespaceId"), namespaceArn: config.require("namespaceArn") };
const placement = {
    cluster: { arn: config.require("clusterArn") },
    vpcId: config.require("vpcId"),
    subnetIds: config.requireObject<string[]>("privateSubnetIds"),
};

// ledger is another team's service, in another stack: this program knows it by ids (config here,
// or a StackReference). As a callee it needs its security group, port and Cloud Map service.
const ledger: ServicePeer = {
    securityGroupId: config.require("ledgerSecurityGroupId"),
    port: 8080,
    discovery: { name: "ledger", namespaceName: "payments.internal", serviceArn: config.require("ledgerServiceArn") },
};

const checkout = new DiscoverableFargateService("checkout", {
    discovery: new DiscoverableService("checkout", { name: "checkout", namespace }),
    ...placement,
    container: { image: "registry.example.com/payments/checkout:2.0.0", port: 8080 },
    talksTo: [ledger],
});

// As a caller, a service from elsewhere needs its security group and its task role (ARN or name);
// it has no component name of its own, so the edge is named here.
const reconciler: ServicePeer = { securityGroupId: config.require("reconcilerSecurityGroupId"), taskRoleArn: config.require("reconcilerTaskRoleArn") };
connect(reconciler, checkout, { name: "reconciler-to-checkout" });

// A raw aws.ecs.Service of this program: its tasks register through the DiscoverableService's
// serviceRegistries block, and peerFromEcsService makes a peer of it (its one security group).
const legacyDiscovery = new DiscoverableService("legacy", { name: "legacy", namespace });
const legacyGroup = new aws.ec2.SecurityGroup("legacy", { vpcId: placement.vpcId, description: "legacy.payments.internal tasks" });
const legacy = new aws.ecs.Service("legacy", {
    cluster: placement.cluster.arn,
    taskDefinition: config.require("legacyTaskDefinitionArn"),
    desiredCount: 2,
    launchType: "FARGATE",
    networkConfiguration: { subnets: placement.subnetIds, securityGroups: [legacyGroup.id] },
    serviceRegistries: legacyDiscovery.serviceRegistryFor({ name: "app", portMappings: [{ containerPort: 7000 }] }),
});
connect(checkout, peerFromEcsService(legacy, { discovery: legacyDiscovery, port: 7000 }));

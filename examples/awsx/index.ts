import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import {
    DiscoverableFargateService, DiscoverableService, networkFromAwsxVpc, peerFromAwsxFargateService, PrivateDnsNamespace,
} from "@quickship/cloudmap-discovery";

// A team already on @pulumi/awsx keeps its VPC and its Fargate services and adds discovery:
// the catalog runs as an awsx FargateService registered in Cloud Map through a DiscoverableService,
// and the checkout service (a DiscoverableFargateService) calls it through the peer shape.

// awsx VPCs leave DNS hostnames off unless asked: a private namespace does not resolve without them,
// and the components refuse such a VPC once its attributes are known.
const vpc = new awsx.ec2.Vpc("shop", { enableDnsHostnames: true, numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } });
const network = networkFromAwsxVpc(vpc);
const namespace = new PrivateDnsNamespace("shop", {
    name: "shop.internal",
    vpcId: network.vpcId,
    enableDnsHostnames: network.enableDnsHostnames,
    enableDnsSupport: network.enableDnsSupport,
});
const cluster = new aws.ecs.Cluster("shop", { settings: [{ name: "containerInsights", value: "enabled" }] });

// The catalog, as awsx builds it: its tasks register in Cloud Map through the serviceRegistries
// block the DiscoverableService derives from (and checks against) the container definition.
const catalogDiscovery = new DiscoverableService("catalog", { name: "catalog", namespace });
const catalogContainer = { name: "catalog", image: "public.ecr.aws/docker/library/nginx:1.27-alpine", portMappings: [{ containerPort: 8080 }] };
// Give awsx a security group of your own: without one it uses an open default group.
const catalogSecurityGroup = new aws.ec2.SecurityGroup("catalog", { vpcId: network.vpcId, description: "catalog.shop.internal tasks" });
const catalog = new awsx.ecs.FargateService("catalog", {
    cluster: cluster.arn,
    desiredCount: 2,
    networkConfiguration: { subnets: vpc.privateSubnetIds, securityGroups: [catalogSecurityGroup.id], assignPublicIp: false },
    serviceRegistries: catalogDiscovery.serviceRegistryFor(catalogContainer),
    taskDefinitionArgs: { container: { ...catalogContainer, cpu: 256, memory: 512, essential: true } },
});

// Checkout calls the catalog: the catalog's group admits checkout's on 8080, checkout may discover
// the catalog, and its container gets CATALOG_SRV_NAME and CATALOG_PORT.
const checkout = new DiscoverableFargateService("checkout", {
    discovery: new DiscoverableService("checkout", { name: "checkout", namespace }),
    cluster: { arn: cluster.arn },
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    internetConnectivity: network.internetConnectivity,
    container: { image: "public.ecr.aws/docker/library/nginx:1.27-alpine", port: 8080 },
    talksTo: [peerFromAwsxFargateService(catalog, { discovery: catalogDiscovery, port: 8080, securityGroupId: catalogSecurityGroup.id })],
});

export const catalogSrvName = catalogDiscovery.fqdn;
export const checkoutSecurityGroupId = checkout.securityGroupId;

import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService, DiscoverableService, PrivateDnsNamespace } from "@quickship/cloudmap-discovery";

// Plugs the components into a network and an ECS cluster that already exist. The VPC must
// have DNS support and DNS hostnames on (or the private namespace will not resolve), and
// the private subnets need a way out for image pulls and logs: a NAT gateway, or VPC
// endpoints for ECR, S3 and CloudWatch Logs.
const config = new pulumi.Config("existing-vpc");
const vpcId = config.require("vpcId");
const privateSubnetIds = config.requireObject<string[]>("privateSubnetIds");

const namespace = new PrivateDnsNamespace("payments", { name: "payments.internal", vpcId });
const ledgerDiscovery = new DiscoverableService("ledger", { name: "ledger", namespace });
const ledger = new DiscoverableFargateService("ledger", {
    discovery: ledgerDiscovery,
    cluster: { arn: config.require("clusterArn") },
    vpcId,
    subnetIds: privateSubnetIds,
    container: { image: "public.ecr.aws/docker/library/nginx:1.27-alpine", port: 80 },
});

export const ledgerSrvName = ledgerDiscovery.fqdn;
export const ledgerSecurityGroupId = ledger.securityGroupId;

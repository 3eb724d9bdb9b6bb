import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService, DiscoverableService, PrivateDnsNamespace } from "../../components";

// Plugs the components into a network and cluster that already exist: the account's
// default VPC here (DNS support and hostnames are on in default VPCs) and a cluster ARN
// from configuration. Set `existing-vpc:clusterArn` before `pulumi up`.
const config = new pulumi.Config("existing-vpc");
const vpc = aws.ec2.getVpcOutput({ default: true });
const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }] });

const namespace = new PrivateDnsNamespace("payments", { name: "payments.internal", vpcId: vpc.id });
const ledgerDiscovery = new DiscoverableService("ledger", {
    name: "ledger",
    namespace: { id: namespace.id, name: namespace.name },
});
const ledger = new DiscoverableFargateService("ledger", {
    discovery: ledgerDiscovery,
    cluster: { arn: config.require("clusterArn") },
    vpcId: vpc.id,
    subnetIds: subnets.ids,
    container: { image: "public.ecr.aws/docker/library/nginx:1.27-alpine", port: 80 },
});

export const ledgerSrvName = ledgerDiscovery.fqdn;
export const ledgerSecurityGroupId = ledger.securityGroupId;

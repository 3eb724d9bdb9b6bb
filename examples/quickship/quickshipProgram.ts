import * as pulumi from "@pulumi/pulumi";
import { DiscoveryMode, QuickShipTopology } from "@quickship/cloudmap-discovery";

/**
 * The QuickShip stack. Configuration (namespace `quickship`), all optional:
 * - `vpcId` + `privateSubnetIds` (JSON list): deploy into an existing network instead of creating one;
 * - `clusterArn`: use an existing ECS cluster;
 * - `environment` (default `prod`), `ttlSeconds` (default 10), `desiredCount` (default 2);
 * - `discoveryMode`: `dns` (default) or `service-connect`;
 * - `inventoryManagerImage`, `orderProcessorImage`.
 */
export function quickshipProgram(): Record<string, unknown> {
    const config = new pulumi.Config("quickship");
    const vpcId = config.get("vpcId");
    const clusterArn = config.get("clusterArn");
    if (vpcId === undefined && config.get("privateSubnetIds") !== undefined) {
        throw new Error("quickship:privateSubnetIds is set but quickship:vpcId is not. Fix: set quickship:vpcId to the subnets' VPC, " +
            "or remove privateSubnetIds to let the stack create its own network.");
    }
    const topology = new QuickShipTopology("quickship", {
        network: vpcId === undefined ? undefined : { vpcId, privateSubnetIds: config.requireObject<string[]>("privateSubnetIds") },
        cluster: clusterArn === undefined ? undefined : { arn: clusterArn },
        environment: config.get("environment"),
        ttlSeconds: config.getNumber("ttlSeconds"),
        desiredCount: config.getNumber("desiredCount"),
        inventoryManagerImage: config.get("inventoryManagerImage"),
        orderProcessorImage: config.get("orderProcessorImage"),
        discoveryMode: config.get<DiscoveryMode>("discoveryMode"),
    });
    return {
        vpcId: topology.vpcId,
        clusterArn: topology.clusterArn,
        namespaceId: topology.namespace.namespaceId,
        namespaceName: topology.namespace.name,
        inventoryManagerAddress: topology.inventoryManager.address,
        inventoryManagerServiceArn: topology.inventoryManager.serviceArn,
        orderProcessorServiceArn: topology.orderProcessor.serviceArn,
        orderProcessorTaskRoleArn: topology.orderProcessor.taskRoleArn,
        userAuthDbService: topology.userAuthDb.service.name,
        userAuthDbServiceArn: topology.userAuthDb.service.serviceArn,
        userAuthTableArn: topology.userAuthTableArn,
        discoverUserAuthDb: `aws servicediscovery discover-instances --namespace-name ${topology.namespace.name} --service-name ${topology.userAuthDb.service.name}`,
    };
}

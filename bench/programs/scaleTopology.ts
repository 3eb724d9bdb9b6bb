import * as aws from "@pulumi/aws";
import {
    DiscoverableFargateService,
    DiscoverableService,
    DiscoveryNetwork,
    dynamoDbReadStatement,
    PrivateDnsNamespace,
    RegisteredResource,
} from "../../components";

/** Every `READS_EVERY`-th service reads a registered table of its own. */
export const READS_EVERY = 5;

/**
 * A generated platform of `services` discoverable Fargate services in one namespace, VPC
 * and cluster: service i talks to service i-1 (a chain, so every service is both a caller
 * and a callee), and every {@link READS_EVERY}-th service reads a DynamoDB table
 * registered in Cloud Map. Everything grows linearly with `services`, so plan time should
 * too.
 */
export function scaleTopology(services: number): void {
    if (!Number.isInteger(services) || services < 1) {
        throw new Error(`scaleTopology: services must be a whole number ≥ 1, got ${services}`);
    }
    const network = new DiscoveryNetwork("platform-network");
    const cluster = new aws.ecs.Cluster("platform", { settings: [{ name: "containerInsights", value: "enabled" }] });
    const namespace = new PrivateDnsNamespace("platform", { name: "platform.local", vpcId: network.vpcId });

    let previous: DiscoverableFargateService | undefined;
    for (let i = 0; i < services; i++) {
        const name = `svc-${i}`;
        const reads = i % READS_EVERY === 0 ? [registeredTable(`table-${i}`, namespace)] : [];
        previous = new DiscoverableFargateService(name, {
            discovery: new DiscoverableService(name, { name, namespace }),
            cluster: { arn: cluster.arn },
            vpcId: network.vpcId,
            subnetIds: network.privateSubnetIds,
            internetConnectivity: network.internetConnectivity,
            container: { image: "public.ecr.aws/docker/library/nginx:1.27-alpine", port: 8080 },
            talksTo: previous === undefined ? [] : [previous],
            reads,
        });
    }
}

function registeredTable(name: string, namespace: PrivateDnsNamespace): RegisteredResource {
    const table = new aws.dynamodb.Table(name, {
        billingMode: "PAY_PER_REQUEST",
        hashKey: "id",
        attributes: [{ name: "id", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
    });
    return new RegisteredResource(name, {
        service: new DiscoverableService(name, { name, namespace, apiOnly: true }),
        instanceId: name,
        attributes: { tablename: name },
        readAccess: [dynamoDbReadStatement(name, table.arn)],
    });
}

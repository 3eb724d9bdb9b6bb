import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterRef, DiscoverableFargateService, DiscoverableFargateServiceArgs } from "./discoverableFargateService";
import { DiscoverableService } from "./discoverableService";
import { DiscoveryNetwork } from "./discoveryNetwork";
import { dynamoDbReadStatement } from "./iamStatements";
import { PrivateDnsNamespace } from "./privateDnsNamespace";
import { RegisteredResource } from "./registeredResource";
import {
    checkInstanceAttributeLimits, checkNamespaceName, checkPort, checkTtlCeiling, checkTtlRange, DEFAULT_MAX_TTL_SECONDS, throwOnFindings,
} from "./rules";
import { typeToken } from "./typeToken";

/** An existing network to deploy into. */
export interface ExistingNetwork {
    /** Must have `enableDnsSupport` and `enableDnsHostnames` on, or `quickship.local` will not resolve. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets (with a route to the internet through NAT, or VPC endpoints for ECR and logs). */
    readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Resources the subnets' outbound route depends on, if created in the same program. @default [] */
    readonly internetConnectivity?: readonly pulumi.Resource[];
}

export interface QuickShipTopologyArgs {
    /** @default "quickship.local" */
    readonly namespaceName?: string;
    /** Written to the `environment` attribute of registered resources. @default "prod" */
    readonly environment?: string;
    /** @default a new DiscoveryNetwork (VPC with DNS on, 2 AZs, one NAT gateway) */
    readonly network?: ExistingNetwork;
    /** @default a new ECS cluster */
    readonly cluster?: ClusterRef;
    /** @default "public.ecr.aws/docker/library/nginx:1.27-alpine" (a stand-in that listens on port 80) */
    readonly inventoryManagerImage?: pulumi.Input<string>;
    /** @default "public.ecr.aws/docker/library/nginx:1.27-alpine" */
    readonly orderProcessorImage?: pulumi.Input<string>;
    /** Port both services listen on. @default 80 */
    readonly port?: number;
    /** Tasks per service. @default 2 */
    readonly desiredCount?: number;
    /** TTL of the SRV records. @default 10 */
    readonly ttlSeconds?: number;
    /** @default "UserAuth" */
    readonly userAuthTableName?: string;
}

const STAND_IN_IMAGE = "public.ecr.aws/docker/library/nginx:1.27-alpine";

/**
 * The QuickShip topology: `order-processor` calls `inventory-manager` (found through the
 * SRV record `inventory-manager.quickship.local`) and reads the `UserAuth` table, which
 * is registered as `user-auth-db`, an API-only service found with DiscoverInstances.
 */
export class QuickShipTopology extends pulumi.ComponentResource {
    readonly namespace: PrivateDnsNamespace;
    readonly inventoryManager: DiscoverableFargateService;
    readonly orderProcessor: DiscoverableFargateService;
    readonly userAuthDb: RegisteredResource;
    readonly userAuthTable: aws.dynamodb.Table;
    readonly vpcId: pulumi.Output<string>;
    readonly clusterArn: pulumi.Output<string>;

    constructor(name: string, args: QuickShipTopologyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("QuickShipTopology"), name, {}, opts);
        const port = args.port ?? 80;
        const environment = args.environment ?? "prod";
        // Checked here too, so errors name this component's arguments rather than those of the children it builds.
        throwOnFindings("QuickShipTopology", name, [
            ...checkNamespaceName(args.namespaceName ?? "quickship.local", "namespaceName"),
            ...(args.ttlSeconds === undefined ? [] : [
                ...checkTtlRange(args.ttlSeconds, "ttlSeconds"),
                ...checkTtlCeiling([{ type: "SRV", ttl: args.ttlSeconds }], DEFAULT_MAX_TTL_SECONDS).map((f) => ({ ...f, path: "ttlSeconds" })),
            ]),
            ...checkPort(port, "port"),
            ...checkInstanceAttributeLimits({ environment }, ""),
        ]);
        const network = args.network ?? newNetwork(`${name}-network`, this);

        const cluster = args.cluster ?? {
            arn: new aws.ecs.Cluster(`${name}-cluster`, {
                settings: [{ name: "containerInsights", value: "enabled" }],
            }, { parent: this }).arn,
        };
        this.namespace = new PrivateDnsNamespace(`${name}-namespace`, {
            name: args.namespaceName ?? "quickship.local",
            vpcId: network.vpcId,
            description: "QuickShip service discovery",
        }, { parent: this });
        // Each microservice: a Cloud Map service its tasks register in, and the Fargate service.
        const microservice = (serviceName: string, image: pulumi.Input<string> | undefined,
            wiring: Pick<DiscoverableFargateServiceArgs, "talksTo" | "reads"> = {}) =>
            new DiscoverableFargateService(`${name}-${serviceName}`, {
                discovery: new DiscoverableService(`${name}-${serviceName}`, {
                    name: serviceName,
                    namespace: this.namespace,
                    ttlSeconds: args.ttlSeconds,
                }, { parent: this }),
                cluster,
                vpcId: network.vpcId,
                subnetIds: network.privateSubnetIds,
                internetConnectivity: network.internetConnectivity,
                container: { image: image ?? STAND_IN_IMAGE, port },
                desiredCount: args.desiredCount,
                ...wiring,
            }, { parent: this });

        this.inventoryManager = microservice("inventory-manager", args.inventoryManagerImage);

        this.userAuthTable = new aws.dynamodb.Table(`${name}-user-auth`, {
            name: args.userAuthTableName ?? "UserAuth",
            billingMode: "PAY_PER_REQUEST",
            hashKey: "userId",
            attributes: [{ name: "userId", type: "S" }],
            pointInTimeRecovery: { enabled: true },
            deletionProtectionEnabled: true,
            serverSideEncryption: { enabled: true },
        }, { parent: this, retainOnDelete: true });
        const userAuthService = new DiscoverableService(`${name}-user-auth-db`, {
            name: "user-auth-db",
            namespace: this.namespace,
            apiOnly: true,
        }, { parent: this });
        this.userAuthDb = new RegisteredResource(`${name}-user-auth-db`, {
            service: userAuthService,
            instanceId: "user-auth-table",
            attributes: { tablename: args.userAuthTableName ?? "UserAuth", environment },
            readAccess: [dynamoDbReadStatement("user-auth-db", this.userAuthTable.arn)],
        }, { parent: this });

        this.orderProcessor = microservice("order-processor", args.orderProcessorImage, {
            talksTo: [this.inventoryManager],
            reads: [this.userAuthDb],
        });

        this.vpcId = pulumi.output(network.vpcId);
        this.clusterArn = pulumi.output(cluster.arn);
        this.registerOutputs({ vpcId: this.vpcId, clusterArn: this.clusterArn, namespaceId: this.namespace.id });
    }
}

function newNetwork(name: string, parent: pulumi.Resource): ExistingNetwork {
    const network = new DiscoveryNetwork(name, {}, { parent });
    return { vpcId: network.vpcId, privateSubnetIds: network.privateSubnetIds, internetConnectivity: network.internetConnectivity };
}

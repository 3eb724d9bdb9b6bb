import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService } from "./discoverableFargateService";
import { DiscoverableService } from "./discoverableService";
import { DiscoveryNetwork } from "./discoveryNetwork";
import { DiscoverableFargateServiceArgs } from "./fargateServiceArgs";
import { dynamoDbReadStatement } from "./iamStatements";
import { knownPeer, registerPeer } from "./peerRegistry";
import { PrivateDnsNamespace } from "./privateDnsNamespace";
import { CloudMapServiceRef, ClusterRef, ExistingNetwork, NamespaceRef, ReadableResource, ServiceConnectEndpoint } from "./refs";
import { RegisteredResource } from "./registeredResource";
import {
    checkContainerImage, checkDesiredCount, checkDynamoDbTableName, checkInstanceAttributeLimits, checkNamespaceName, checkOneOf, checkPort, checkTtlCeiling,
    checkTtlRange, DEFAULT_MAX_TTL_SECONDS, DiscoveryMode, enumValues, serviceConnectUrl, throwOnFindings,
} from "./rules";
import { namespaceRefOf } from "./serviceRefs";
import { typeToken } from "./typeToken";

export { ExistingNetwork } from "./refs";

export interface QuickShipTopologyArgs {
    /** The private DNS namespace's domain. Default: "quickship.local". */
    readonly namespaceName?: string;
    /** Written to the `environment` attribute of registered resources. Default: "prod". */
    readonly environment?: string;
    /** The network to deploy into. Default: a new DiscoveryNetwork (VPC with DNS on, 2 AZs, one NAT gateway). */
    readonly network?: ExistingNetwork;
    /** The ECS cluster to run in. Default: a new ECS cluster. */
    readonly cluster?: ClusterRef;
    /** The inventory-manager image. Default: "public.ecr.aws/docker/library/nginx:1.27-alpine" (a stand-in that listens on port 80). */
    readonly inventoryManagerImage?: pulumi.Input<string>;
    /** The order-processor image. Default: "public.ecr.aws/docker/library/nginx:1.27-alpine". */
    readonly orderProcessorImage?: pulumi.Input<string>;
    /** Port both services listen on. Default: 80. */
    readonly port?: number;
    /** Tasks per service. Default: 2. */
    readonly desiredCount?: number;
    /** TTL of the SRV records (`dns` mode; `service-connect` mode publishes none). Default: 10. */
    readonly ttlSeconds?: number;
    /** The DynamoDB table's name. Default: "UserAuth". */
    readonly userAuthTableName?: string;
    /**
     * How the services find each other: `dns` (SRV records in the private hosted zone, resolvable
     * by anything in the VPC) or `service-connect` (ECS Service Connect in the same namespace:
     * inventory-manager serves `http://inventory-manager:<port>`, order-processor is a client).
     * The table stays an API-only instance either way. Default: "dns".
     */
    readonly discoveryMode?: DiscoveryMode;
}

/** One QuickShip microservice as plain outputs; it is a ServicePeer, so other services can call it. */
export interface QuickShipService {
    readonly securityGroupId: pulumi.Output<string>;
    readonly port: number;
    /** Its Cloud Map service (DNS mode). */
    readonly discovery?: CloudMapServiceRef;
    /** Its Service Connect endpoint (Service Connect mode, when it serves callers). */
    readonly serviceConnect?: ServiceConnectEndpoint;
    /** The namespace it uses Service Connect in (Service Connect mode). */
    readonly serviceConnectNamespace?: string;
    readonly taskRoleArn: pulumi.Output<string>;
    readonly taskRoleName: pulumi.Output<string>;
    /** The ECS service ARN. */
    readonly serviceArn: pulumi.Output<string>;
    /** How callers reach it: the SRV name (DNS mode), `http://<alias>:<port>` (Service Connect), or "" for a client only. */
    readonly address: string;
}

const STAND_IN_IMAGE = "public.ecr.aws/docker/library/nginx:1.27-alpine";

/**
 * The QuickShip topology: `order-processor` calls `inventory-manager` (found through the
 * SRV record `inventory-manager.quickship.local`) and reads the `UserAuth` table, which
 * is registered as `user-auth-db`, an API-only service found with DiscoverInstances.
 */
export class QuickShipTopology extends pulumi.ComponentResource {
    readonly namespace: NamespaceRef;
    readonly inventoryManager: QuickShipService;
    readonly orderProcessor: QuickShipService;
    /** The `UserAuth` table as registered in Cloud Map; pass it in `reads` to give a service read access. */
    readonly userAuthDb: ReadableResource;
    readonly userAuthTableArn: pulumi.Output<string>;
    readonly vpcId: pulumi.Output<string>;
    readonly clusterArn: pulumi.Output<string>;

    constructor(name: string, args: QuickShipTopologyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("QuickShipTopology"), name, {}, opts);
        const port = args.port ?? 80;
        const environment = args.environment ?? "prod";
        const namespaceName = args.namespaceName ?? "quickship.local";
        const mode = args.discoveryMode ?? DiscoveryMode.Dns;
        // Checked here too, so errors name this component's arguments rather than those of the children it builds.
        throwOnFindings("QuickShipTopology", name, [
            ...checkNamespaceName(namespaceName, "namespaceName"),
            ...(args.ttlSeconds === undefined ? [] : [
                ...checkTtlRange(args.ttlSeconds, "ttlSeconds"),
                ...checkTtlCeiling([{ type: "SRV", ttl: args.ttlSeconds }], DEFAULT_MAX_TTL_SECONDS, undefined,
                    "build the services with DiscoverableService and a higher maxTtlSeconds, raising the policy pack's maxTtlSeconds with it").map((f) => ({ ...f, path: "ttlSeconds" })),
            ]),
            ...checkPort(port, "port"),
            ...checkInstanceAttributeLimits({ environment }, ""),
            ...checkOneOf(mode, enumValues(DiscoveryMode), "quickship-discovery-mode", "discoveryMode"),
            ...(typeof args.inventoryManagerImage === "string" ? checkContainerImage(args.inventoryManagerImage, "inventoryManagerImage") : []),
            ...(typeof args.orderProcessorImage === "string" ? checkContainerImage(args.orderProcessorImage, "orderProcessorImage") : []),
            ...(args.desiredCount === undefined ? [] : checkDesiredCount(args.desiredCount, "desiredCount")),
            ...checkDynamoDbTableName(args.userAuthTableName ?? "UserAuth", "userAuthTableName"),
        ]);
        const network = args.network ?? new DiscoveryNetwork(`${name}-network`, {}, { parent: this });
        const cluster = args.cluster ?? {
            arn: new aws.ecs.Cluster(`${name}-cluster`, { settings: [{ name: "containerInsights", value: "enabled" }] }, { parent: this }).arn,
        };
        const namespace = new PrivateDnsNamespace(`${name}-namespace`, {
            name: namespaceName,
            vpcId: network.vpcId,
            enableDnsHostnames: network.enableDnsHostnames,
            enableDnsSupport: network.enableDnsSupport,
            description: "QuickShip service discovery",
        }, { parent: this });

        // Each microservice: found through a Cloud Map service its tasks register in (DNS mode), or
        // through Service Connect in the same namespace; `server: false` makes a client only.
        const microservice = (serviceName: string, image: pulumi.Input<string> | undefined, server: boolean,
            wiring: Pick<DiscoverableFargateServiceArgs, "talksTo" | "reads"> = {}) =>
            new DiscoverableFargateService(`${name}-${serviceName}`, {
                ...(mode === DiscoveryMode.ServiceConnect
                    ? { serviceConnect: { namespace, name: serviceName, server } }
                    : { discovery: new DiscoverableService(`${name}-${serviceName}`, { name: serviceName, namespace, ttlSeconds: args.ttlSeconds }, { parent: this }) }),
                cluster,
                vpcId: network.vpcId,
                subnetIds: network.privateSubnetIds,
                internetConnectivity: network.internetConnectivity,
                container: { image: image ?? STAND_IN_IMAGE, port },
                desiredCount: args.desiredCount,
                ...wiring,
            }, { parent: this });

        const inventoryManager = microservice("inventory-manager", args.inventoryManagerImage, true);
        const table = this.createUserAuthTable(name, args.userAuthTableName ?? "UserAuth");
        const userAuthDb = new RegisteredResource(`${name}-user-auth-db`, {
            service: new DiscoverableService(`${name}-user-auth-db`, { name: "user-auth-db", namespace, apiOnly: true }, { parent: this }),
            instanceId: "user-auth-table",
            attributes: { tablename: args.userAuthTableName ?? "UserAuth", environment },
            readAccess: [dynamoDbReadStatement("user-auth-db", table.arn)],
        }, { parent: this });
        // Nobody calls order-processor: with Service Connect it is a client only.
        const orderProcessor = microservice("order-processor", args.orderProcessorImage, mode === DiscoveryMode.Dns, { talksTo: [inventoryManager], reads: [userAuthDb] });

        this.namespace = namespaceRefOf(namespace);
        this.inventoryManager = serviceOutputs(inventoryManager);
        this.orderProcessor = serviceOutputs(orderProcessor);
        this.userAuthDb = { service: userAuthDb.service, readAccess: userAuthDb.readAccess };
        this.userAuthTableArn = table.arn;
        this.vpcId = pulumi.output(network.vpcId);
        this.clusterArn = pulumi.output(cluster.arn);
        this.registerOutputs({ vpcId: this.vpcId, clusterArn: this.clusterArn, namespaceId: namespace.namespaceId });
    }

    /** The table `user-auth-db` stands for; shared state, so protected against loss and kept when the stack goes. */
    private createUserAuthTable(name: string, tableName: string): aws.dynamodb.Table {
        return new aws.dynamodb.Table(`${name}-user-auth`, {
            name: tableName,
            billingMode: "PAY_PER_REQUEST",
            hashKey: "userId",
            attributes: [{ name: "userId", type: "S" }],
            pointInTimeRecovery: { enabled: true },
            deletionProtectionEnabled: true,
            serverSideEncryption: { enabled: true },
        }, { parent: this, retainOnDelete: true });
    }
}

/** A microservice's plain outputs, known to `connect` as the service itself. */
function serviceOutputs(service: DiscoverableFargateService): QuickShipService {
    const endpoint = service.serviceConnect;
    const outputs: QuickShipService = {
        securityGroupId: service.securityGroupId,
        port: service.port,
        discovery: service.discovery,
        serviceConnect: endpoint,
        serviceConnectNamespace: service.serviceConnectNamespace,
        taskRoleArn: service.taskRoleArn,
        taskRoleName: service.taskRoleName,
        serviceArn: service.serviceArn,
        address: service.discovery !== undefined
            ? `${service.discovery.name}.${service.discovery.namespaceName}`
            : endpoint !== undefined ? serviceConnectUrl(endpoint.dnsName, endpoint.port) : "",
    };
    registerPeer(outputs, knownPeer(service)!);
    return outputs;
}

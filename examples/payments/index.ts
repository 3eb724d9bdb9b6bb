import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    connect, CpuArchitecture, DiscoverableFargateService, DiscoverableFargateServiceArgs, DiscoverableService, DiscoveryMode, PrivateDnsNamespace,
    RegisteredResource, sqsConsumeStatement,
} from "@quickship/cloudmap-discovery";

// Payments, as a platform team would write it for its own company: four services in an existing
// VPC and cluster that call each other — api → ledger, api → fraud, fraud → ledger,
// ledger → notifier, and notifier → api, which closes a cycle — plus a queue the ledger reads,
// registered in Cloud Map so the ledger finds it by name. The VPC must have DNS support and DNS
// hostnames on; the private subnets need a way out (NAT, or VPC endpoints) for image pulls and logs.
const config = new pulumi.Config("payments");
const vpcId = config.require("vpcId");
const subnetIds = config.requireObject<string[]>("privateSubnetIds");
const cluster = { arn: config.require("clusterArn") };
// `dns` (default): SRV records any client in the VPC can resolve; `service-connect`: ECS Service
// Connect between the four services, with the same calls.
const mode = config.get<DiscoveryMode>("discoveryMode") ?? DiscoveryMode.Dns;

const namespace = new PrivateDnsNamespace("payments", { name: "payments.internal", vpcId });

/** A Fargate service found as `<name>.payments.internal` (SRV, TTL 10, ECS health), or as `http://<name>:<port>` through Service Connect. */
function service(name: string, port: number, extra: Partial<DiscoverableFargateServiceArgs> = {}): DiscoverableFargateService {
    return new DiscoverableFargateService(name, {
        ...(mode === DiscoveryMode.ServiceConnect
            ? { serviceConnect: { namespace, name } }
            : { discovery: new DiscoverableService(name, { name, namespace }) }),
        cluster,
        vpcId,
        subnetIds,
        container: { image: `public.ecr.aws/docker/library/nginx:1.27-alpine`, port },
        ...extra,
    });
}

// The settlement queue: no address, so it is an API-only instance whose attributes say where it is.
const settlements = new aws.sqs.Queue("settlements", { messageRetentionSeconds: 1209600 });
const settlementQueue = new RegisteredResource("settlements", {
    service: new DiscoverableService("settlements", { name: "settlements", namespace, apiOnly: true }),
    instanceId: "settlements-queue",
    attributes: { queueurl: settlements.url, environment: config.get("environment") ?? "prod" },
    readAccess: [sqsConsumeStatement("settlements", settlements.arn)],
});

// Services declared in dependency order take their callees in talksTo...
const notifier = service("notifier", 8080);
const ledger = service("ledger", 8080, {
    talksTo: [notifier],
    reads: [settlementQueue],
    cpuArchitecture: CpuArchitecture.ARM64,
    container: {
        image: "public.ecr.aws/docker/library/nginx:1.27-alpine",
        port: 8080,
        secrets: [{ name: "LEDGER_DB_PASSWORD", valueFrom: config.require("ledgerDatabaseSecretArn") }],
    },
});
const fraud = service("fraud", 8080, { talksTo: [ledger] });
const api = service("api", 8080, { talksTo: [ledger, fraud], enableExecuteCommand: true });
// ...and the call that closes the cycle is declared once both ends exist.
connect(notifier, api);

export const namespaceName = namespace.name;
export const apiAddress = api.serviceConnect !== undefined
    ? `http://${api.serviceConnect.dnsName}:${api.serviceConnect.port}`
    : `${api.discovery?.name}.${api.discovery?.namespaceName}`;
export const ledgerTaskRoleArn = ledger.taskRoleArn;
export const settlementQueueUrl = settlements.url;

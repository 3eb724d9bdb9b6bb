import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService, DiscoverableFargateServiceArgs, DiscoverableService, RegisteredResource } from "../../components";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { ResourceGraph } from "../../engine/resourceGraph";
import { assertRejects, graphOf, NAMESPACE, srvService } from "./fixtures";

const BASE = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"],
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
};
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf";
const PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/payments/api-key";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function service(extra: Partial<DiscoverableFargateServiceArgs> = {}): DiscoverableFargateService {
    return new DiscoverableFargateService("svc", { ...BASE, discovery: srvService("svc"), container: { image: "nginx:1.27", port: 8080 }, ...extra });
}

const policyOf = (graph: ResourceGraph, name: string) => JSON.parse(String(graph.one("aws:iam/rolePolicy:RolePolicy", name).inputs.policy));
const containerOf = (graph: ResourceGraph) => JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", "svc-task").inputs.containerDefinitions))[0];

describe("DiscoverableFargateService production settings", () => {
    it("injects secrets and lets only the execution role read exactly those ARNs (JSON key stripped), and decrypt with the given key", async () => {
        const graph = await graphOf(() => service({
            container: {
                image: "nginx", port: 8080,
                secrets: [
                    { name: "DB_PASSWORD", valueFrom: `${SECRET}:password::`, kmsKeyArn: KEY },
                    { name: "API_KEY", valueFrom: PARAMETER },
                ],
            },
        }));
        assert.deepStrictEqual(containerOf(graph).secrets, [{ name: "DB_PASSWORD", valueFrom: `${SECRET}:password::` }, { name: "API_KEY", valueFrom: PARAMETER }]);
        const policy = graph.one("aws:iam/rolePolicy:RolePolicy", "svc-execution-secrets");
        assert.strictEqual(policy.inputs.role, graph.one("aws:iam/role:Role", "svc-execution").outputs.name);
        assert.deepStrictEqual(policyOf(graph, "svc-execution-secrets").Statement, [
            { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [SECRET] },
            { Sid: "ReadParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: [PARAMETER] },
            { Sid: "DecryptSecrets", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KEY] },
        ]);
        // The task role (the application's identity) gets none of it.
        assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name), ["svc-execution-secrets"]);
    });

    it("checks a secret given as an Output once it is known, failing the run before anything reads it", () =>
        assert.rejects(runUnderMocks(() => {
            // A parameter's name, not its ARN, known only once the Output resolves.
            service({ container: { image: "nginx", port: 8080, secrets: [{ name: "TOKEN", valueFrom: pulumi.output("payments/api-token") }] } });
        }), /container.secrets\[0\].valueFrom: "payments\/api-token" is neither a Secrets Manager secret ARN nor an SSM parameter ARN/));

    it("sets a container health check, ARM64, ECS Exec with its four channel actions, a platform version and its own task statements", async () => {
        const graph = await graphOf(() => service({
            container: { image: "nginx", port: 8080, healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], intervalSeconds: 10, retries: 2 } },
            cpuArchitecture: "ARM64",
            enableExecuteCommand: true,
            platformVersion: "1.4.0",
            taskRoleStatements: [{ Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::reports/*"] }],
            taskRoleManagedPolicyArns: ["arn:aws:iam::123456789012:policy/team-observability"],
        }));
        assert.deepStrictEqual(containerOf(graph).healthCheck, { command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], interval: 10, retries: 2 });
        const task = graph.one("aws:ecs/taskDefinition:TaskDefinition", "svc-task").inputs;
        assert.deepStrictEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        const ecs = graph.one("aws:ecs/service:Service", "svc").inputs;
        assert.strictEqual(ecs.enableExecuteCommand, true);
        assert.strictEqual(ecs.platformVersion, "1.4.0");
        const taskRole = graph.one("aws:iam/role:Role", "svc-task").outputs.name;
        assert.strictEqual(graph.one("aws:iam/rolePolicy:RolePolicy", "svc-exec").inputs.role, taskRole);
        assert.deepStrictEqual(policyOf(graph, "svc-exec").Statement[0].Action,
            ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]);
        assert.deepStrictEqual(policyOf(graph, "svc-task").Statement, [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::reports/*"] }]);
        const attachment = graph.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "svc-task-0").inputs;
        assert.deepStrictEqual([attachment.role, attachment.policyArn], [taskRole, "arn:aws:iam::123456789012:policy/team-observability"]);
    });

    it("places tasks by a FARGATE/FARGATE_SPOT strategy instead of the launch type, associating both providers with a new cluster", async () => {
        const strategy = [{ capacityProvider: "FARGATE" as const, base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT" as const, weight: 3 }];
        const graph = await graphOf(() => service({ cluster: undefined, capacityProviderStrategy: strategy }));
        const ecs = graph.one("aws:ecs/service:Service", "svc");
        assert.strictEqual(ecs.inputs.launchType, undefined);
        assert.deepStrictEqual(ecs.inputs.capacityProviderStrategies, strategy);
        const providers = graph.one("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "svc-cluster");
        assert.deepStrictEqual(providers.inputs.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        assert.ok(ecs.dependencies.includes(providers.urn), "the service waits for the providers to be associated");
    });

    it("lets the deployment circuit breaker be changed", async () => {
        const graph = await graphOf(() => service({ deploymentCircuitBreaker: { enable: true, rollback: false } }));
        assert.deepStrictEqual(graph.one("aws:ecs/service:Service", "svc").inputs.deploymentCircuitBreaker, { enable: true, rollback: false });
    });

    describe("refuses settings ECS rejects, naming the argument", () => {
        const cases: [string, Partial<DiscoverableFargateServiceArgs>, RegExp][] = [
            ["a secret that is neither a secret nor a parameter ARN", { container: { image: "i", port: 8080, secrets: [{ name: "X", valueFrom: "my-secret" }] } },
                /container.secrets\[0\].valueFrom: "my-secret" is neither a Secrets Manager secret ARN nor an SSM parameter ARN/],
            ["a secret named like a plain variable", { container: { image: "i", port: 8080, environment: { X: "1" }, secrets: [{ name: "X", valueFrom: SECRET }] } },
                /container.secrets: X is both a plain environment variable and a secret/],
            ["a KMS key that is not a key ARN", { container: { image: "i", port: 8080, secrets: [{ name: "X", valueFrom: SECRET, kmsKeyArn: "alias-x" }] } },
                /container.secrets\[0\].kmsKeyArn: "alias-x" is not a KMS key ARN/],
            ["a health check command without CMD or CMD-SHELL", { container: { image: "i", port: 8080, healthCheck: { command: ["curl localhost"] } } },
                /container.healthCheck.command: The command must be a list that starts with "CMD"/],
            ["a health check interval of 1 s", { container: { image: "i", port: 8080, healthCheck: { command: ["CMD", "true"], intervalSeconds: 1 } } },
                /container.healthCheck.intervalSeconds: The interval between checks is 1, outside 5–300/],
            ["an architecture in lower case", { cpuArchitecture: "arm64" as never }, /cpuArchitecture: "arm64" is not one of "X86_64", "ARM64" \(values are case-sensitive\)/],
            ["ECS Exec on platform version 1.3.0", { enableExecuteCommand: true, platformVersion: "1.3.0" },
                /platformVersion: Platform version 1.3.0 does not support ECS Exec, which need 1.4.0 or later/],
            ["a platform version that is not one", { platformVersion: "latest" }, /platformVersion: "latest" is not a Fargate platform version/],
            ["FARGATE_SPOT with ARM64", { cpuArchitecture: "ARM64", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] },
                /capacityProviderStrategy: FARGATE_SPOT runs Linux X86_64 tasks only/],
            ["two providers with a base", { capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", base: 1, weight: 1 }] },
                /capacityProviderStrategy: More than one capacity provider has a base/],
            ["only zero weights", { capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 2 }] }, /capacityProviderStrategy: Every weight is 0/],
            ["a weight above 1000", { capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1001 }] },
                /capacityProviderStrategy\[0\].weight: The weight is 1001, outside 0–1000/],
            ["rollback without the circuit breaker", { deploymentCircuitBreaker: { enable: false, rollback: true } },
                /deploymentCircuitBreaker.rollback: Rollback only happens when the circuit breaker is enabled/],
        ];
        for (const [what, extra, pattern] of cases) {
            it(what, () => assertRejects(() => service(extra), /DiscoverableFargateService "svc" has invalid arguments/, pattern, /Fix: /));
        }
    });
});

describe("RegisteredResource attributes from outputs", () => {
    const apiOnly = () => new DiscoverableService("db", { name: "db", namespace: NAMESPACE, apiOnly: true });

    it("registers an Output value (a queue URL) as it resolves, depending on the resource it came from", async () => {
        const graph = await graphOf(() => {
            const queue = new aws.sqs.Queue("orders");
            new RegisteredResource("orders", { service: apiOnly(), instanceId: "orders-queue", attributes: { queueurl: queue.url, environment: "prod" } });
        });
        const instance = graph.one("aws:servicediscovery/instance:Instance", "orders");
        const queue = graph.one("aws:sqs/queue:Queue", "orders");
        assert.deepStrictEqual(instance.inputs.attributes, { queueurl: queue.outputs.url, environment: "prod" });
        assert.deepStrictEqual(instance.propertyDependencies.attributes, [queue.urn]);
    });

    it("refuses a bad key at construction even when its value is an Output", () => assertRejects(
        () => new RegisteredResource("x", { service: apiOnly(), instanceId: "i", attributes: { "bad key": pulumi.output("v") } }),
        /RegisteredResource "x"/, /attributes/, /Fix: /));

    it("fails the run when an Output value turns out too long, before it is registered", () =>
        assert.rejects(runUnderMocks(() => {
            new RegisteredResource("x", { service: apiOnly(), instanceId: "i", attributes: { url: pulumi.output("v".repeat(1025)) } });
        }), /RegisteredResource "x" has invalid arguments:[\s\S]*attributes.url: .*1024/));

    it("refuses a service with a Route 53 health check, where a resource without an address can never register", () => assertRejects(
        () => new RegisteredResource("x", {
            service: new DiscoverableService("web", { name: "web", namespace: { ...NAMESPACE, kind: "http" }, apiOnly: true, route53HealthCheck: { type: "HTTP" } }),
            instanceId: "i", attributes: { a: "b" },
        }),
        /service: The service has a Route 53 health check, so AWS requires an IP address and a port for every instance/, /API-only service without a Route 53 health check/));
});

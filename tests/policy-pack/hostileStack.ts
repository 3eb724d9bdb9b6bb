import fc from "fast-check";
import { RecordedResource } from "../../engine/resourceGraph";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";

/**
 * A stack with every resource type the pack reads, linked by property dependencies as a program
 * links them, so every policy (resource and stack) reaches every property it reads. Its values
 * pass every policy; {@link hostileStack} and {@link withUnknowns} generate variants of it.
 */

/** A property holding a JSON document as text (a policy document, container definitions). */
class JsonText {
    constructor(readonly value: unknown) {}
}

interface ResourceTemplate {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
    /** Property → names of the resources its value came from. */
    readonly from?: Record<string, string[]>;
}

const ACCOUNT = "123456789012";
const policyDocument = (...statements: object[]): JsonText => new JsonText({ Version: "2012-10-17", Statement: statements });
const ecsTasksTrust = policyDocument({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" });

const TEMPLATES: readonly ResourceTemplate[] = [
    { type: "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", name: "ns", inputs: { name: "quickship.local", vpc: "vpc-1" } },
    { type: "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace", name: "public-ns", inputs: { name: "api.example.com" } },
    { type: "aws:servicediscovery/httpNamespace:HttpNamespace", name: "http-ns", inputs: { name: "quickship" } },
    {
        type: "aws:servicediscovery/service:Service", name: "inventory-manager", from: { dnsConfig: ["ns"] },
        inputs: {
            name: "inventory-manager", forceDestroy: true,
            dnsConfig: { namespaceId: "ns-1", routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "SRV", ttl: 10 }] },
            healthCheckCustomConfig: { failureThreshold: 1 },
        },
    },
    {
        type: "aws:servicediscovery/service:Service", name: "status", from: { dnsConfig: ["public-ns"] },
        inputs: {
            name: "status",
            dnsConfig: { namespaceId: "ns-2", routingPolicy: "WEIGHTED", dnsRecords: [{ type: "A", ttl: 10 }, { type: "AAAA", ttl: 10 }] },
            healthCheckConfig: { type: "HTTP", resourcePath: "/health", failureThreshold: 1 },
        },
    },
    { type: "aws:servicediscovery/service:Service", name: "user-auth-db", from: { namespaceId: ["http-ns"] }, inputs: { name: "user-auth-db", namespaceId: "ns-3", type: "HTTP" } },
    {
        type: "aws:servicediscovery/instance:Instance", name: "user-auth-table", from: { serviceId: ["user-auth-db"] },
        inputs: { instanceId: "user-auth-table", serviceId: "srv-3", attributes: { tablename: "UserAuth", environment: "prod" } },
    },
    {
        type: "aws:dynamodb/table:Table", name: "user-auth",
        inputs: { name: "UserAuth", hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true },
    },
    {
        type: "aws:iam/role:Role", name: "task-role",
        inputs: {
            name: "task-role", assumeRolePolicy: ecsTasksTrust,
            inlinePolicies: [{
                name: "discovery",
                policy: policyDocument({
                    Effect: "Allow", Action: ["servicediscovery:DiscoverInstances"], Resource: "*",
                    Condition: { StringEquals: { "servicediscovery:NamespaceName": "quickship.local", "servicediscovery:ServiceName": "inventory-manager" } },
                }),
            }],
            managedPolicyArns: ["arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"],
        },
    },
    { type: "aws:iam/role:Role", name: "execution-role", inputs: { name: "execution-role", assumeRolePolicy: ecsTasksTrust } },
    {
        type: "aws:iam/rolePolicy:RolePolicy", name: "task-policy", from: { role: ["task-role"] },
        inputs: {
            role: "task-role",
            policy: policyDocument({ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: [`arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/UserAuth`] }),
        },
    },
    {
        type: "aws:iam/policy:Policy", name: "tracing",
        inputs: { policy: policyDocument({ Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:GetSamplingRules", "xray:GetSamplingTargets"], Resource: "*" }) },
    },
    {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "tracing", from: { role: ["task-role"], policyArn: ["tracing"] },
        inputs: { role: "task-role", policyArn: `arn:aws:iam::${ACCOUNT}:policy/tracing` },
    },
    {
        type: "aws:iam/policyAttachment:PolicyAttachment", name: "execution",
        inputs: { roles: ["execution-role"], policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
    },
    // A role created in another stack, named by a task definition and a role policy.
    {
        type: "aws:iam/rolePolicy:RolePolicy", name: "shared-policy",
        inputs: { role: "shared-task-role", policy: policyDocument({ Effect: "Allow", Action: "sqs:SendMessage", Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders` }) },
    },
    {
        type: "aws:ecs/taskDefinition:TaskDefinition", name: "task", from: { taskRoleArn: ["task-role"], executionRoleArn: ["execution-role"] },
        inputs: {
            family: "inventory-manager", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
            containerDefinitions: new JsonText([{ name: "app", image: "nginx", portMappings: [{ containerPort: 8080 }] }]),
            taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/task-role`, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/execution-role`,
        },
    },
    {
        type: "aws:ecs/taskDefinition:TaskDefinition", name: "shared-task",
        inputs: {
            family: "worker", networkMode: "awsvpc", containerDefinitions: new JsonText([{ name: "worker", image: "worker" }]),
            taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/team/shared-task-role`,
        },
    },
    {
        type: "aws:ec2/securityGroup:SecurityGroup", name: "sg",
        inputs: { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: ["sg-caller"], cidrBlocks: ["10.0.0.0/16"] }] },
    },
    {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "from-caller", from: { securityGroupId: ["sg"] },
        inputs: { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: "10.0.0.0/16" },
    },
    {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "from-vpc", from: { securityGroupId: ["sg"] },
        inputs: { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] },
    },
    {
        type: "aws:ecs/service:Service", name: "ecs", from: { taskDefinition: ["task"], serviceRegistries: ["inventory-manager"], networkConfiguration: ["sg"] },
        inputs: {
            name: "inventory-manager", cluster: "quickship", taskDefinition: "task-arn", launchType: "FARGATE", desiredCount: 1,
            networkConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1"], assignPublicIp: false },
            serviceRegistries: { registryArn: "srv-arn", containerName: "app", containerPort: 8080 },
        },
    },
    {
        type: "aws:ecs/taskDefinition:TaskDefinition", name: "connect-task",
        inputs: {
            family: "orders", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: "1024",
            containerDefinitions: new JsonText([{ name: "orders", image: "nginx", memory: 512, portMappings: [{ containerPort: 8080, name: "orders", appProtocol: "http" }] }]),
        },
    },
    {
        type: "aws:ecs/service:Service", name: "connect", from: { taskDefinition: ["connect-task"], serviceConnectConfiguration: ["http-ns"] },
        inputs: {
            name: "orders", cluster: "quickship", taskDefinition: "connect-task-arn", launchType: "FARGATE", desiredCount: 1, platformVersion: "1.4.0",
            networkConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-2"], assignPublicIp: false },
            serviceConnectConfiguration: {
                enabled: true, namespace: "http-ns-arn",
                services: [{ portName: "orders", discoveryName: "orders", clientAlias: [{ port: 80, dnsName: "orders" }], timeout: { idleTimeoutSeconds: 60, perRequestTimeoutSeconds: 15 } }],
            },
        },
    },
];

/** The config that lets the valid stack pass: its public namespace is meant to be public. */
export const HOSTILE_STACK_CONFIG = {
    "aws-cloudmap-namespace-disallow-public": { allowedPublicNamespaces: ["api.example.com"] },
    "aws-cloudmap-namespace-no-exposed-services": { allowedPublicNamespaces: ["api.example.com"] },
};

const urnOf = (template: { type: string; name: string }): string => `urn:pulumi:dev::hostile::${template.type}::${template.name}`;

/** Replaces the JSON documents by their text. */
function plain(value: unknown): unknown {
    if (value instanceof JsonText) {
        return JSON.stringify(plain(value.value));
    }
    if (Array.isArray(value)) {
        return value.map(plain);
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

/** A stack of the templates with these inputs (outputs are the same: what AnalyzeStack sees). */
function stackOf(inputs: readonly Record<string, unknown>[]): RecordedResource[] {
    return TEMPLATES.map((template, i) => {
        const propertyDependencies = Object.fromEntries(Object.entries(template.from ?? {}).map(([property, names]) =>
            [property, names.map((name) => urnOf(TEMPLATES.find((t) => t.name === name)!))]));
        return {
            urn: urnOf(template), type: template.type, name: template.name, custom: true,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())], propertyDependencies,
            inputs: inputs[i], outputs: inputs[i], id: `${template.name}-id`,
            options: { ignoreChanges: [], replaceOnChanges: [] },
        };
    });
}

/** The stack with every value as written: it passes every policy. */
export function validStack(): RecordedResource[] {
    return stackOf(TEMPLATES.map((t) => plain(t.inputs) as Record<string, unknown>));
}

/** A megabyte of text, as a program reading a file into a property might send. */
export const MEGABYTE = "x".repeat(1 << 20);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What a program can send instead of `template`: null, a value of another type, text that is not
 * JSON, a megabyte of text, an unknown, a block as a one-element list, a list as its first entry.
 */
function replacementsFor(template: unknown): fc.Arbitrary<unknown> {
    return fc.oneof(
        fc.constantFrom<unknown>(null, {}, [], [null], true, 0, -1, 1.5, NaN, Infinity, "", "abc", "{\"Statement\": [", "null", "[]", MEGABYTE, UNKNOWN_SENTINEL),
        fc.integer(),
        fc.string({ maxLength: 8 }),
        ...(isObject(template) ? [fc.constant([template])] : []),
        ...(Array.isArray(template) && template.length > 0 ? [fc.constant(template[0])] : []),
    );
}

/** `template` with any value, at any depth, possibly replaced by a hostile one. */
function hostile(template: unknown): fc.Arbitrary<unknown> {
    let kept: fc.Arbitrary<unknown>;
    if (template instanceof JsonText) {
        kept = hostile(template.value).map((value) => JSON.stringify(plain(value)) ?? "");
    } else if (Array.isArray(template)) {
        kept = fc.tuple(...template.map(hostile));
    } else if (isObject(template)) {
        kept = fc.record(Object.fromEntries(Object.entries(template).map(([k, v]) => [k, hostile(v)])), { requiredKeys: [] });
    } else {
        kept = fc.constant(template);
    }
    return fc.oneof({ weight: 5, arbitrary: kept }, { weight: 1, arbitrary: replacementsFor(template) });
}

/** Stacks whose every resource may carry hostile values anywhere. */
export function hostileStack(): fc.Arbitrary<RecordedResource[]> {
    return fc.tuple(...TEMPLATES.map((t) => hostile(t.inputs).map((inputs) => (isObject(inputs) ? inputs : {})))).map(stackOf);
}

/** `template` with some values (leaves, blocks or lists) unknown, as in a preview. */
function unknownsIn(template: unknown): fc.Arbitrary<unknown> {
    let kept: fc.Arbitrary<unknown>;
    if (Array.isArray(template)) {
        kept = fc.tuple(...template.map(unknownsIn));
    } else if (isObject(template)) {
        kept = fc.record(Object.fromEntries(Object.entries(template).map(([k, v]) => [k, unknownsIn(v)])));
    } else {
        kept = fc.constant(template);
    }
    return fc.oneof({ weight: 6, arbitrary: kept }, { weight: 1, arbitrary: fc.constant(UNKNOWN_SENTINEL) });
}

/** The valid stack with values unknown here and there (any property, at any depth), as a preview sends them. */
export function withUnknowns(): fc.Arbitrary<RecordedResource[]> {
    const inputs = validStack().map((r) => fc.record(Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, unknownsIn(v)]))));
    return fc.tuple(...inputs).map(stackOf);
}

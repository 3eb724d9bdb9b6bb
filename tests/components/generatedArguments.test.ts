import * as assert from "assert";
import fc from "fast-check";
import {
    DiscoverableFargateService, DiscoverableService, DiscoveryNetwork, HttpNamespace, PrivateDnsNamespace, QuickShipTopology, RegisteredResource, ServiceEdge,
} from "../../components";
import { ValidationError } from "../../components/rules";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { awsLimitFindings } from "./awsLimits";

/**
 * Arguments generated across AWS's limits, for every component: each set is either refused at
 * construction with findings that name arguments of that component, or produces AWS inputs
 * inside every limit the rulebook knows (awsLimits.ts). Nothing else — no TypeError, no input AWS
 * would reject minutes into a deployment.
 */

const NAMESPACE = { name: "quickship.local", namespaceId: "ns-0123456789abcdef", namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef" };
const SERVICE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef";
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

// Values around each limit, and the odd values other languages and config strings produce.
const label = fc.stringMatching(/^[a-z0-9_-]{1,70}$/);
const name = fc.oneof(label, fc.constantFrom("inventory-manager", "_", ".", "-api", "api-", "A", "a".repeat(64), "x".repeat(128), "", "my service", "srv"));
const text = (max: number) => fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("x".repeat(max), "x".repeat(max + 1), "é€", "tab\there"));
const wholeish = fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.constantFrom(0, 1, 5, 10, 60, 61, 300, 65535, 65536, 2147483648, 1.5, NaN));
const tags = fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z0-9:_.-]{1,20}$/), fc.constantFrom("aws:team", "k".repeat(129), "")),
    fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,20}$/), fc.constantFrom("v".repeat(257), "aws:x")), { maxKeys: 4 });
const tooManyTags = fc.constant(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])));
const enumish = <T extends string>(...values: T[]) => fc.constantFrom<string>(...values, ...values.map((v) => v.toLowerCase()), "");

/** The first segment of a finding's path: the argument it names (`container.image` → `container`). */
function argumentOf(path: string): string {
    return /^[A-Za-z][A-Za-z0-9]*/.exec(path)?.[0] ?? path;
}

/** Runs one construction under the strict mocks; a refusal must name only `args`' arguments, a success stay inside AWS's limits. */
async function checkOutcome(component: string, argNames: readonly string[], build: () => unknown): Promise<void> {
    let refusal: unknown;
    let resources;
    try {
        ({ graph: { resources } } = await runUnderMocks(() => { build(); }));
    } catch (error) {
        refusal = error;
    }
    if (refusal !== undefined) {
        assert.ok(refusal instanceof ValidationError, `${component} failed with something other than its own refusal: ${(refusal as Error)?.stack ?? String(refusal)}`);
        assert.strictEqual(refusal.component, component);
        for (const finding of refusal.findings) {
            assert.ok(argNames.includes(argumentOf(finding.path)), `${component} names "${finding.path}", not one of its arguments (${argNames.join(", ")}): ${finding.message}`);
        }
        return;
    }
    const outside = resources!.filter((r) => r.custom).flatMap((r) => awsLimitFindings(r).map((f) => `${r.type} ${r.name}: ${f.path}: ${f.message}`));
    assert.deepStrictEqual(outside, [], `${component} accepted arguments that produce inputs AWS rejects`);
}

const asyncProperty = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, numRuns: number) =>
    fc.assert(fc.asyncProperty(arb, run), { numRuns });

describe("generated arguments across AWS's limits: refused in the component's terms, or inside every limit", function () {
    this.timeout(120_000);

    it("PrivateDnsNamespace", () => asyncProperty(
        fc.record({ name: fc.oneof(name, fc.constantFrom("quickship.local", "_tcp.local", "my_ns.local", "a.".repeat(130))), vpcId: fc.constantFrom("vpc-0123456789abcdef0", "vpc-1", ""),
            description: optional(text(1024)), tags: optional(fc.oneof(tags, tooManyTags)) }),
        (args) => checkOutcome("PrivateDnsNamespace", ["name", "vpcId", "description", "tags", "enableDnsHostnames", "enableDnsSupport"],
            () => new PrivateDnsNamespace("ns", args)), 40));

    it("HttpNamespace", () => asyncProperty(
        fc.record({ name: fc.oneof(name, text(1024)), description: optional(text(1024)), tags: optional(tags) }),
        (args) => checkOutcome("HttpNamespace", ["name", "description", "tags"], () => new HttpNamespace("ns", args)), 40));

    it("DiscoverableService", () => asyncProperty(
        fc.record({
            name,
            namespace: fc.constantFrom(NAMESPACE, { ...NAMESPACE, kind: "http" as const }, { ...NAMESPACE, kind: "public-dns" as const }),
            apiOnly: optional(fc.boolean()),
            dnsRecordTypes: optional(fc.array(enumish("SRV", "A", "AAAA", "CNAME"), { maxLength: 3 })),
            ttlSeconds: optional(wholeish),
            maxTtlSeconds: optional(fc.constantFrom(60, 300)),
            routingPolicy: optional(enumish("MULTIVALUE", "WEIGHTED")),
            healthReporting: optional(enumish("ecs", "none")),
            route53HealthCheck: optional(fc.record({ type: enumish("HTTP", "HTTPS", "TCP"), resourcePath: optional(text(255)), failureThreshold: optional(wholeish) })),
            description: optional(text(1024)),
            tags: optional(tags),
        }),
        (args) => checkOutcome("DiscoverableService",
            ["name", "namespace", "apiOnly", "dnsRecordTypes", "ttlSeconds", "maxTtlSeconds", "routingPolicy", "healthReporting", "route53HealthCheck", "forceDestroy", "description", "tags"],
            () => new DiscoverableService("svc", args as never)), 60));

    it("RegisteredResource", () => asyncProperty(
        fc.record({
            service: fc.constantFrom(
                { name: "db", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, apiOnly: true },
                { name: "db", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, apiOnly: true, route53HealthCheck: true },
                { name: "web", namespaceName: "quickship.local", serviceArn: SERVICE_ARN }),
            instanceId: fc.oneof(fc.stringMatching(/^[a-zA-Z0-9_/:.@-]{1,70}$/), fc.constantFrom("", "user auth", "x".repeat(65))),
            attributes: fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom("AWS_INSTANCE_IPV4", "AWS_INIT_HEALTH_STATUS", "k".repeat(256), "bad key")),
                fc.oneof(fc.stringMatching(/^[ -~]{0,30}$/), fc.constantFrom("HEALTHY", "healthy", "v".repeat(1025), " leading", "trailing\t", "é")), { maxKeys: 6 }),
        }),
        (args) => checkOutcome("RegisteredResource", ["service", "instanceId", "attributes", "readAccess"], () => new RegisteredResource("res", args)), 60));

    it("DiscoverableFargateService", () => asyncProperty(
        fc.record({
            container: fc.record({
                image: fc.constantFrom("nginx:1.27", "public.ecr.aws/docker/library/nginx:1.27-alpine", "", "UPPER/case", "nginx@sha256:abc"),
                port: wholeish,
                additionalPorts: optional(fc.array(wholeish, { maxLength: 2 })),
                name: optional(fc.constantFrom("app", "my app", "x".repeat(256))),
                memoryMiB: optional(fc.constantFrom(4, 256, 1000, 2048)),
                healthCheck: optional(fc.record({ command: fc.constantFrom(["CMD-SHELL", "true"], ["true"]), intervalSeconds: optional(wholeish), retries: optional(wholeish) })),
                secrets: optional(fc.array(fc.record({
                    name: fc.constantFrom("DB", "A=B", ""),
                    valueFrom: fc.constantFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "arn:aws:ssm:us-east-1:123456789012:parameter/db", "db"),
                }), { maxLength: 2 })),
            }),
            discoveryPort: optional(wholeish),
            cpu: optional(fc.constantFrom(256, 512, 1024, 300)),
            memory: optional(fc.constantFrom(512, 1024, 4096, 500)),
            cpuArchitecture: optional(enumish("X86_64", "ARM64")),
            desiredCount: optional(fc.constantFrom(0, 2, -1, 1.5, 5001)),
            platformVersion: optional(fc.constantFrom("LATEST", "1.4.0", "1.3.0", "latest")),
            enableExecuteCommand: optional(fc.boolean()),
            logRetentionDays: optional(fc.constantFrom(14, 15, 0, 3653)),
            capacityProviderStrategy: optional(fc.array(fc.record({ capacityProvider: enumish("FARGATE", "FARGATE_SPOT"), weight: optional(wholeish), base: optional(wholeish) }), { maxLength: 3 })),
            deploymentCircuitBreaker: optional(fc.record({ enable: fc.boolean(), rollback: fc.boolean() })),
            tags: optional(fc.oneof(tags, tooManyTags)),
            serviceConnect: optional(fc.record({
                namespace: fc.constantFrom({ ...NAMESPACE, kind: "http" as const }, { ...NAMESPACE, kind: "public-dns" as const }),
                name: fc.oneof(label, fc.constantFrom("Orders", "orders", "x".repeat(65))),
                clientAliasPort: optional(wholeish),
                appProtocol: optional(enumish("http", "http2", "grpc")),
                perRequestTimeoutSeconds: optional(wholeish),
            })),
            withDiscovery: fc.boolean(),
        }),
        ({ withDiscovery, ...args }) => checkOutcome("DiscoverableFargateService", [
            "discovery", "serviceConnect", "cluster", "vpcId", "subnetIds", "internetConnectivity", "container", "discoveryPort", "cpu", "memory", "cpuArchitecture",
            "desiredCount", "assignPublicIp", "talksTo", "reads", "enableExecuteCommand", "taskRoleStatements", "taskRoleManagedPolicyArns", "platformVersion",
            "capacityProviderStrategy", "deploymentCircuitBreaker", "logRetentionDays", "tags", "name",
        ], () => new DiscoverableFargateService("svc", {
            ...(args as object),
            discovery: withDiscovery ? { name: "inventory-manager", namespaceName: "quickship.local", serviceArn: SERVICE_ARN } : undefined,
            vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
        } as never)), 80));

    it("DiscoveryNetwork", () => asyncProperty(
        fc.record({ cidrBlock: optional(fc.constantFrom("10.0.0.0/16", "10.1.0.0/24", "300.0.0.0/16", "")), availabilityZoneCount: optional(wholeish), tags: optional(tags) }),
        (args) => checkOutcome("DiscoveryNetwork", ["cidrBlock", "availabilityZoneCount", "tags"], () => new DiscoveryNetwork("net", args)), 25));

    it("QuickShipTopology", () => asyncProperty(
        fc.record({
            namespaceName: optional(fc.constantFrom("quickship.local", "_tcp.local", "quick ship", "")),
            environment: optional(fc.constantFrom("prod", "", "x".repeat(1025))),
            port: optional(wholeish),
            desiredCount: optional(fc.constantFrom(0, 2, -1, 5001)),
            ttlSeconds: optional(wholeish),
            userAuthTableName: optional(fc.constantFrom("UserAuth", "ab", "user auth")),
            inventoryManagerImage: optional(fc.constantFrom("nginx:1.27", "")),
            discoveryMode: optional(enumish("dns", "service-connect")),
        }),
        (args) => checkOutcome("QuickShipTopology", [
            "namespaceName", "environment", "network", "cluster", "inventoryManagerImage", "orderProcessorImage", "port", "desiredCount", "ttlSeconds", "userAuthTableName", "discoveryMode",
        ], () => new QuickShipTopology("qs", { ...(args as object), network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } } as never)), 25));

    it("ServiceEdge", () => asyncProperty(
        fc.record({
            caller: fc.record({ securityGroupId: fc.constantFrom("sg-0aaaaaaaaaaaaaaaa"), taskRoleName: optional(fc.constant("caller-task")) }),
            callee: fc.record({
                securityGroupId: fc.constantFrom("sg-0bbbbbbbbbbbbbbbb", "sg-0aaaaaaaaaaaaaaaa"), port: optional(wholeish),
                discovery: optional(fc.constantFrom({ name: "billing", namespaceName: "quickship.local", serviceArn: SERVICE_ARN },
                    { name: "db", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, apiOnly: true })),
            }),
        }),
        (args) => checkOutcome("ServiceEdge", ["caller", "callee"], () => new ServiceEdge("edge", args)), 40));
});

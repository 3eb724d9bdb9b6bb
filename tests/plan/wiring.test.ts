import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";
import { connectivityOf } from "../../engine/plan/wiring/connectivity";
import { environmentsOf } from "../../engine/plan/wiring/environment";
import { grantsOf } from "../../engine/plan/wiring/grants";
import { discoveryAccessOf } from "../../engine/plan/wiring/discovery";
import { stackOutputsOf } from "../../engine/plan/wiring/outputs";
import { masked } from "../../engine/plan/wiring/values";
import { cidrContains } from "../../engine/plan/wiring/cidr";
import { describeTraffic, intersect, Traffic, trafficOf } from "../../engine/plan/wiring/ports";
import { recorded } from "./recorded";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const EC2_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ECS_SERVICE = "aws:ecs/service:Service";
const SUBNET = "aws:ec2/subnet:Subnet";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/** A Pulumi secret as recorded inputs carry it. */
function secret(value: unknown): unknown {
    return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

function group(name: string, inputs: Record<string, unknown> = {}): RecordedResource {
    return recorded(SG, name, { id: `sg-${name}`, inputs });
}

function service(name: string, groups: string[], subnets: string[] = []): RecordedResource {
    return recorded(ECS_SERVICE, name, { id: `arn:ecs:${name}`, inputs: { name, networkConfiguration: { securityGroups: groups, subnets } } });
}

function rule(type: string, name: string, inputs: Record<string, unknown>): RecordedResource {
    return recorded(type, name, { id: `sgr-${name}`, inputs });
}

/** `from → to : ports` for every flow, in order. */
function flows(resources: RecordedResource[]): string[] {
    return connectivityOf(new ResourceGraph(resources), [], { containers: [], hidden: [] }).flows.map((f) => `${f.from.name} → ${f.to.name} : ${f.ports}`);
}

describe("plan wiring: protocols, ports and CIDR blocks as EC2 reads them", () => {
    const read = (protocol: unknown, from?: number, to?: number): Traffic => {
        const traffic = trafficOf(protocol, from, to);
        assert.ok(traffic !== undefined);
        return traffic;
    };

    it("names protocols given by number, -1 and 'all', and reads 0-65535 as every port", () => {
        assert.deepStrictEqual(["6", 17, "-1", -1, "ALL", "tcp", "50"].map((p) => describeTraffic(read(p, 0, 65535))),
            ["all ports/tcp", "all ports/udp", "all traffic", "all traffic", "all traffic", "all ports/tcp", "protocol 50"]);
        assert.strictEqual(trafficOf(pulumi.unknown, 80, 80), undefined);
    });

    it("intersects what two rules allow", () => {
        const cases: [Traffic, Traffic, string | undefined][] = [
            [read("tcp", 80, 90), read("tcp", 85, 100), "85-90/tcp"],
            [read("tcp", 80, 80), read("-1"), "80/tcp"],
            [read("tcp", 80, 80), read("udp", 80, 80), undefined],
            [read("tcp", 80, 80), read("tcp", 81, 90), undefined],
            [read("icmp", -1, -1), read("icmp", 8, -1), "icmp type 8"],
            [read("icmp", 8, 0), read("icmp", 0, -1), undefined],
        ];
        assert.deepStrictEqual(cases.map(([a, b]) => {
            const both = intersect(a, b);
            return both === undefined ? undefined : describeTraffic(both);
        }), cases.map(([, , expected]) => expected));
    });

    it("contains an IPv4 block only when every address of it is inside", () => {
        assert.deepStrictEqual([
            cidrContains("10.0.0.0/16", "10.0.1.0/24"),
            cidrContains("10.0.0.0/16", "10.1.0.0/24"),
            cidrContains("10.0.1.0/24", "10.0.0.0/16"),
            cidrContains("0.0.0.0/0", "192.168.7.0/24"),
            cidrContains("10.0.0.0/8", "10.255.255.255/32"),
            cidrContains("::/0", "2001:db8::/32"),
            cidrContains("10.0.0.0/33", "10.0.0.0/24"),
        ], [true, false, false, true, true, false, false]);
    });
});

describe("plan wiring: connectivity from security groups", () => {
    it("needs the callee's ingress and the caller's egress, and allows only the ports both allow", () => {
        assert.deepStrictEqual(flows([
            group("a"), group("b"), service("caller", ["sg-a"]), service("callee", ["sg-b"]),
            rule(INGRESS, "b-from-a", { securityGroupId: "sg-b", referencedSecurityGroupId: "sg-a", ipProtocol: "tcp", fromPort: 8000, toPort: 8100 }),
            rule(EGRESS, "a-to-b", { securityGroupId: "sg-a", referencedSecurityGroupId: "sg-b", ipProtocol: "tcp", fromPort: 8080, toPort: 9000 }),
            // Admitted in, but the caller may not send it: no flow.
            rule(INGRESS, "b-dns-from-a", { securityGroupId: "sg-b", referencedSecurityGroupId: "sg-a", ipProtocol: "udp", fromPort: 53, toPort: 53 }),
        ]), ["caller → callee : 8080-8100/tcp"]);
    });

    it("reads protocol -1 as all traffic and shows egress to a CIDR as a flow of its own", () => {
        assert.deepStrictEqual(flows([
            group("a", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }),
            group("b", { ingress: [{ protocol: "6", fromPort: 80, toPort: 80, securityGroups: ["sg-a"] }] }),
            service("caller", ["sg-a"]), service("callee", ["sg-b"]),
        ]), ["caller → callee : 80/tcp", "caller → 0.0.0.0/0 : all traffic"]);
    });

    it("admits callers through an ingress CIDR only when it holds all of their subnets", () => {
        const subnets = [
            recorded(SUBNET, "inside", { id: "subnet-in", inputs: { cidrBlock: "10.0.1.0/24" } }),
            recorded(SUBNET, "outside", { id: "subnet-out", inputs: { cidrBlock: "192.168.0.0/24" } }),
        ];
        assert.deepStrictEqual(flows([
            ...subnets,
            group("a", { egress: [{ protocol: "all", cidrBlocks: ["0.0.0.0/0"] }] }),
            group("b", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] }),
            service("in-vpc", ["sg-a"], ["subnet-in"]),
            service("elsewhere", ["sg-a"], ["subnet-out"]),
            service("callee", ["sg-b"], ["subnet-in"]),
        ]), [
            "in-vpc → callee : 443/tcp",
            "in-vpc → 0.0.0.0/0 : all traffic",
            "elsewhere → 0.0.0.0/0 : all traffic",
            "10.0.0.0/16 → callee : 443/tcp",
        ]);
    });

    it("reads aws.ec2.SecurityGroupRule: self, a group outside the stack, a prefix list; a group no workload uses stands for itself", () => {
        assert.deepStrictEqual(flows([
            group("gossip"), group("orphan"), service("cluster", ["sg-gossip"]),
            rule(EC2_RULE, "gossip-in", { type: "ingress", securityGroupId: "sg-gossip", self: true, protocol: "tcp", fromPort: 7946, toPort: 7946 }),
            rule(EC2_RULE, "gossip-out", { type: "egress", securityGroupId: "sg-gossip", self: true, protocol: "udp", fromPort: 7946, toPort: 7946 }),
            rule(EC2_RULE, "gossip-out-tcp", { type: "egress", securityGroupId: "sg-gossip", sourceSecurityGroupId: "sg-gossip", protocol: "tcp", fromPort: 0, toPort: 65535 }),
            rule(EC2_RULE, "from-bastion", { type: "ingress", securityGroupId: "sg-gossip", sourceSecurityGroupId: "sg-0bastion", protocol: "tcp", fromPort: 22, toPort: 22 }),
            rule(EC2_RULE, "to-s3", { type: "egress", securityGroupId: "sg-orphan", prefixListIds: ["pl-63a5400a"], protocol: "tcp", fromPort: 443, toPort: 443 }),
        ]), [
            "cluster → cluster : 7946/tcp",
            "sg-0bastion → cluster : 22/tcp",
            "security group orphan → pl-63a5400a : 443/tcp",
        ]);
    });

    it("links rules and services through their dependencies when a preview does not know the ids yet", () => {
        const a = recorded(SG, "a");
        const b = recorded(SG, "b");
        const unknown = pulumi.unknown;
        assert.deepStrictEqual(flows([
            a, b,
            recorded(ECS_SERVICE, "caller", { inputs: { networkConfiguration: { securityGroups: [unknown] } }, propertyDependencies: { networkConfiguration: [a.urn] } }),
            recorded(ECS_SERVICE, "callee", { inputs: { networkConfiguration: { securityGroups: [unknown] } }, propertyDependencies: { networkConfiguration: [b.urn] } }),
            recorded(INGRESS, "in", {
                inputs: { securityGroupId: unknown, referencedSecurityGroupId: unknown, ipProtocol: "tcp", fromPort: 80, toPort: 80 },
                propertyDependencies: { securityGroupId: [b.urn], referencedSecurityGroupId: [a.urn] },
            }),
            recorded(EGRESS, "out", {
                inputs: { securityGroupId: unknown, referencedSecurityGroupId: unknown, ipProtocol: "tcp", fromPort: 80, toPort: 80 },
                propertyDependencies: { securityGroupId: [a.urn], referencedSecurityGroupId: [b.urn] },
            }),
        ]), ["caller → callee : 80/tcp"]);
    });

    it("keeps only the widest of the flows between the same two workloads when one covers another", () => {
        assert.deepStrictEqual(flows([
            group("a", { egress: [{ protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] }),
            group("b", { ingress: [
                { protocol: "tcp", fromPort: 80, toPort: 80, securityGroups: ["sg-a"] },
                { protocol: "tcp", fromPort: 0, toPort: 65535, securityGroups: ["sg-a"] },
            ] }),
            service("caller", ["sg-a"]), service("callee", ["sg-b"]),
        ]), ["caller → callee : all ports/tcp", "caller → 0.0.0.0/0 : all traffic"]);
    });
});

describe("plan wiring: what each role may do", () => {
    const role = recorded(ROLE, "task", {
        id: "task-role", outputs: { name: "task-role", arn: "arn:aws:iam::123456789012:role/task-role" },
        inputs: {
            assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            inlinePolicies: [{ name: "logs", policy: JSON.stringify({ Statement: { Effect: "Allow", Action: "logs:PutLogEvents", Resource: "*" } }) }],
            managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess", "arn:aws:iam::999999999999:policy/shared"],
        },
    });
    const customer = recorded(POLICY, "discover", {
        id: "arn:aws:iam::123456789012:policy/discover", outputs: { arn: "arn:aws:iam::123456789012:policy/discover" },
        inputs: { policy: { Statement: [{ Effect: "Allow", Action: ["servicediscovery:DiscoverInstances"], Resource: "*", Condition: { StringEquals: { "servicediscovery:NamespaceName": "shop.local", "servicediscovery:ServiceName": ["cart", "orders"] } } }] } },
    });
    const graph = new ResourceGraph([
        role, customer,
        recorded(ROLE_POLICY, "by-name", { inputs: { role: "task-role", policy: JSON.stringify({ Statement: [{ Effect: "Deny", NotAction: "s3:*", NotResource: "arn:aws:s3:::x" }] }) } }),
        recorded(ROLE_POLICY, "secret-doc", { inputs: { role: "task-role", policy: secret("{\"Statement\":[]}") } }),
        recorded(ROLE_POLICY, "later-doc", { inputs: { role: "task-role", policy: pulumi.unknown } }),
        recorded(ROLE_POLICY, "broken-doc", { inputs: { role: "task-role", policy: "{not json" } }),
        recorded("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "attach", { inputs: { role: "task-role", policyArn: customer.outputs.arn } }),
        recorded("aws:iam/policyAttachment:PolicyAttachment", "attach-many", { inputs: { roles: ["task-role", "someone-else"], policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" } }),
        recorded(ROLE_POLICY, "other-role", { inputs: { role: "another-role", policy: "{}" } }),
    ]);

    it("collects inline, attached customer-managed and AWS-managed policies from every resource that gives them", () => {
        const [grants] = grantsOf(graph);
        assert.deepStrictEqual(grants.assumedBy, ["ecs-tasks.amazonaws.com"]);
        assert.deepStrictEqual(grants.policies.map((p) => [p.kind, p.name, p.document, p.statements.length]), [
            ["inline", "logs", "plain", 1],
            ["aws-managed", "AmazonDynamoDBReadOnlyAccess", "outside-stack", 0],
            ["customer-managed", "shared", "outside-stack", 0],
            ["inline", "by-name", "plain", 1],
            ["inline", "secret-doc", "secret", 0],
            ["inline", "later-doc", "unknown", 0],
            ["inline", "broken-doc", "invalid", 0],
            ["customer-managed", "discover", "plain", 1],
            ["aws-managed", "AmazonECSTaskExecutionRolePolicy", "outside-stack", 0],
        ]);
        assert.strictEqual(grants.policies[1].documentation, "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDynamoDBReadOnlyAccess.html");
    });

    it("normalises statements: lists for single values, NotAction and NotResource kept apart, conditions flattened", () => {
        const policies = grantsOf(graph)[0].policies;
        assert.deepStrictEqual(policies.find((p) => p.name === "logs")?.statements, [
            { effect: "Allow", actions: ["logs:PutLogEvents"], resources: ["*"], conditions: [] },
        ]);
        assert.deepStrictEqual(policies.find((p) => p.name === "by-name")?.statements, [
            { effect: "Deny", actions: [], notActions: ["s3:*"], resources: [], notResources: ["arn:aws:s3:::x"], conditions: [] },
        ]);
        assert.deepStrictEqual(policies.find((p) => p.name === "discover")?.statements[0].conditions, [
            { operator: "StringEquals", key: "servicediscovery:NamespaceName", values: ["shop.local"] },
            { operator: "StringEquals", key: "servicediscovery:ServiceName", values: ["cart", "orders"] },
        ]);
    });

    it("resolves DiscoverInstances by condition keys, naming the policies whose contents it cannot see", () => {
        const access = discoveryAccessOf(grantsOf(graph)[0], graph);
        assert.deepStrictEqual(access.resolvable.map((r) => [r.namespace, r.service, r.scopedBy, r.policy]), [
            ["shop.local", "cart", ["condition"], "discover"],
            ["shop.local", "orders", ["condition"], "discover"],
        ]);
        assert.deepStrictEqual(access.undetermined, [
            "AmazonDynamoDBReadOnlyAccess (AWS managed)", "shared", "secret-doc", "later-doc", "broken-doc", "AmazonECSTaskExecutionRolePolicy (AWS managed)",
        ]);
    });

    it("resolves DiscoverInstances by ARN only where Resource covers both the namespace and the service, as both are required", () => {
        const namespace = recorded("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns", {
            id: "ns-1", outputs: { arn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1" }, inputs: { name: "shop.local" },
        });
        const cart = recorded("aws:servicediscovery/service:Service", "cart", {
            id: "srv-1", outputs: { arn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1" },
            inputs: { name: "cart", dnsConfig: { namespaceId: "ns-1" } }, propertyDependencies: { dnsConfig: [namespace.urn] },
        });
        const statement = (name: string, body: Record<string, unknown>): Record<string, unknown> => ({ name, policy: JSON.stringify({ Statement: [{ Effect: "Allow", ...body }] }) });
        const resolvable = (...inlinePolicies: Record<string, unknown>[]): unknown[] => {
            const graph = new ResourceGraph([namespace, cart, recorded(ROLE, "r", { inputs: { inlinePolicies } })]);
            return discoveryAccessOf(grantsOf(graph)[0], graph).resolvable.map((r) => [r.policy, r.namespace, r.service, r.scopedBy, r.serviceUrn]);
        };
        assert.deepStrictEqual(resolvable(
            statement("both", { Action: "servicediscovery:Discover*", Resource: [namespace.outputs.arn, cart.outputs.arn, "arn:aws:dynamodb:us-east-1:123456789012:table/x"] }),
            statement("service-only", { Action: "servicediscovery:DiscoverInstances", Resource: cart.outputs.arn }),
            statement("other-name", { Action: "servicediscovery:DiscoverInstances", Resource: [namespace.outputs.arn, cart.outputs.arn], Condition: { StringEquals: { "servicediscovery:ServiceName": "orders" } } }),
            statement("namespace-wide", { Action: "servicediscovery:DiscoverInstances", Resource: [namespace.outputs.arn, "arn:aws:servicediscovery:us-east-1:123456789012:service/*"] }),
            statement("anything", { NotAction: "iam:*", Resource: "*" }),
            { name: "denied", policy: JSON.stringify({ Statement: [{ Effect: "Deny", Action: "servicediscovery:*", Resource: "*" }] }) },
        ), [
            ["both", "shop.local", "cart", ["arn"], cart.urn],
            ["namespace-wide", "shop.local", "*", ["arn"], undefined],
            ["anything", "*", "*", [], undefined],
        ]);
    });
});

describe("plan wiring: container environments", () => {
    function task(name: string, containerDefinitions: unknown): RecordedResource {
        return recorded(TASK_DEFINITION, name, { inputs: { family: name, containerDefinitions } });
    }

    it("shows names and values, ECS secrets by where they come from, and never a Pulumi secret's value", () => {
        const { containers, hidden } = environmentsOf(new ResourceGraph([
            task("plain", JSON.stringify([{
                name: "app",
                environment: [{ name: "MODE", value: "live" }, { name: "EMPTY" }],
                secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
                environmentFiles: [{ type: "s3", value: "arn:aws:s3:::config/app.env" }],
            }])),
            task("secret", secret(JSON.stringify([{ name: "app", environment: [{ name: "TOKEN", value: "s3cr3t" }] }]))),
            task("later", pulumi.unknown),
            task("broken", "[{"),
        ]));
        assert.deepStrictEqual(containers.map((c) => [c.family, c.container, c.variables, c.environmentFiles]), [
            ["plain", "app", [
                { name: "MODE", source: "plain", value: "live" },
                { name: "EMPTY", source: "plain", value: "" },
                { name: "DB_PASSWORD", source: "reference", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" },
            ], ["arn:aws:s3:::config/app.env"]],
            ["secret", "app", [{ name: "TOKEN", source: "secret" }], []],
        ]);
        assert.deepStrictEqual(hidden.map((h) => [h.family, h.reason]), [["later", "unknown"], ["broken", "invalid"]]);
        assert.doesNotMatch(JSON.stringify(containers), /s3cr3t/);
    });
});

describe("plan wiring: stack outputs", () => {
    it("takes the stack's registered outputs: secrets withheld, unknowns marked, in name order", () => {
        const stack = recorded("pulumi:pulumi:Stack", "project-dev", {
            custom: false,
            registeredOutputs: { url: "https://shop.example", password: secret("hunter2"), arn: pulumi.unknown, nested: { id: "x", later: pulumi.unknown } },
        });
        assert.deepStrictEqual(stackOutputsOf(new ResourceGraph([stack]), { ignored: "resolved outputs are the fallback only" }), [
            { name: "arn", disclosure: "unknown", partlyUnknown: false },
            { name: "nested", disclosure: "plain", value: { id: "x", later: "[unknown]" }, partlyUnknown: true },
            { name: "password", disclosure: "secret", partlyUnknown: false },
            { name: "url", disclosure: "plain", value: "https://shop.example", partlyUnknown: false },
        ]);
    });

    it("falls back to the program's resolved outputs when the stack registered none", () => {
        assert.deepStrictEqual(stackOutputsOf(new ResourceGraph([]), { id: "ns-1" }), [{ name: "id", disclosure: "plain", value: "ns-1", partlyUnknown: false }]);
    });

    it("masks secrets and unknowns at any depth for the JSON inputs", () => {
        assert.deepStrictEqual(masked({ a: [1, secret("x")], b: { c: pulumi.unknown, d: undefined }, e: secret({ deep: "y" }) }),
            { a: [1, "[secret]"], b: { c: "[unknown]" }, e: "[secret]" });
    });
});

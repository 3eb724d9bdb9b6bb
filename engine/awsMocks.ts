import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

/** The account and region the mocks pretend to be in. */
export interface AwsMockSettings {
    /** @default "us-east-1" */
    readonly region?: string;
    /** @default "123456789012" */
    readonly accountId?: string;
    /**
     * What to do with a resource type the mocks do not model: `"throw"` (tests, so a typo
     * or a new resource cannot slip through with a made-up id) or `"generic"` (plans of
     * arbitrary programs, which get a generic id and ARN).
     * @default "throw"
     */
    readonly unknownResources?: "throw" | "generic";
}

type State = Record<string, unknown>;
type Ids = { readonly hex: (n: number) => string; readonly arn: (service: string, resource: string, global?: boolean) => string };
type Behaviour = (name: string, inputs: State, ids: Ids) => { id: string; state: State };

function physicalName(name: string, inputs: State, hex: (n: number) => string): string {
    return typeof inputs.name === "string" ? inputs.name : `${name}-${hex(7)}`;
}

/**
 * How the AWS provider answers for each resource type the components create: the id
 * format AWS uses, the ARN, and the computed outputs programs read.
 */
const RESOURCES: Record<string, Behaviour> = {
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": (_n, _i, { hex, arn }) => {
        const id = `ns-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `namespace/${id}`), hostedZone: `Z${hex(20).toUpperCase()}` } };
    },
    "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace": (_n, _i, { hex, arn }) => {
        const id = `ns-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `namespace/${id}`), hostedZone: `Z${hex(20).toUpperCase()}` } };
    },
    "aws:servicediscovery/httpNamespace:HttpNamespace": (_n, _i, { hex, arn }) => {
        const id = `ns-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `namespace/${id}`), httpName: _i.name } };
    },
    "aws:servicediscovery/service:Service": (_n, _i, { hex, arn }) => {
        const id = `srv-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `service/${id}`) } };
    },
    "aws:servicediscovery/instance:Instance": (_n, inputs) => ({ id: String(inputs.instanceId), state: {} }),
    "aws:ecs/cluster:Cluster": (name, inputs, { hex, arn }) => {
        const clusterName = physicalName(name, inputs, hex);
        const clusterArn = arn("ecs", `cluster/${clusterName}`);
        return { id: clusterArn, state: { name: clusterName, arn: clusterArn } };
    },
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": (_n, inputs) => ({ id: String(inputs.clusterName), state: {} }),
    "aws:sqs/queue:Queue": (name, inputs, { hex, arn }) => {
        const queueArn = arn("sqs", physicalName(name, inputs, hex));
        // https://sqs.<region>.amazonaws.com/<account>/<name>, the form SQS returns as QueueUrl.
        const [, , , region, account, queueName] = queueArn.split(":");
        const url = `https://sqs.${region}.amazonaws.com/${account}/${queueName}`;
        return { id: url, state: { name: queueName, arn: queueArn, url } };
    },
    "aws:ecs/taskDefinition:TaskDefinition": (_n, inputs, { arn }) => ({
        id: String(inputs.family),
        state: { revision: 1, arn: arn("ecs", `task-definition/${inputs.family}:1`), arnWithoutRevision: arn("ecs", `task-definition/${inputs.family}`) },
    }),
    "aws:ecs/service:Service": (name, inputs, { hex, arn }) => {
        const serviceName = physicalName(name, inputs, hex);
        const cluster = String(inputs.cluster ?? "default").split("/").pop();
        const serviceArn = arn("ecs", `service/${cluster}/${serviceName}`);
        return { id: serviceArn, state: { name: serviceName, arn: serviceArn } };
    },
    "aws:iam/role:Role": (name, inputs, { hex, arn }) => {
        const roleName = physicalName(name, inputs, hex);
        return { id: roleName, state: { name: roleName, arn: arn("iam", `role/${roleName}`, true), uniqueId: `AROA${hex(17).toUpperCase()}` } };
    },
    "aws:iam/rolePolicy:RolePolicy": (name, inputs, { hex }) => {
        const policyName = physicalName(name, inputs, hex);
        return { id: `${inputs.role}:${policyName}`, state: { name: policyName } };
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (_n, inputs, { hex }) => ({ id: `${inputs.role}-${hex(26)}`, state: {} }),
    "aws:iam/policy:Policy": (name, inputs, { hex, arn }) => {
        const policyName = physicalName(name, inputs, hex);
        const policyArn = arn("iam", `policy/${policyName}`, true);
        return { id: policyArn, state: { name: policyName, arn: policyArn, policyId: `ANPA${hex(17).toUpperCase()}` } };
    },
    "aws:cloudwatch/logGroup:LogGroup": (name, inputs, { hex, arn }) => {
        const groupName = physicalName(name, inputs, hex);
        return { id: groupName, state: { name: groupName, arn: arn("logs", `log-group:${groupName}`) } };
    },
    "aws:dynamodb/table:Table": (name, inputs, { hex, arn }) => {
        const tableName = physicalName(name, inputs, hex);
        const tableArn = arn("dynamodb", `table/${tableName}`);
        return { id: tableName, state: { name: tableName, arn: tableArn, streamArn: "" } };
    },
    "aws:ec2/vpc:Vpc": (_n, _i, { hex, arn }) => {
        const id = `vpc-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `vpc/${id}`), defaultSecurityGroupId: `sg-${hex(17)}`, mainRouteTableId: `rtb-${hex(17)}` } };
    },
    "aws:ec2/subnet:Subnet": (_n, _i, { hex, arn }) => {
        const id = `subnet-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `subnet/${id}`) } };
    },
    "aws:ec2/securityGroup:SecurityGroup": (name, inputs, { hex, arn }) => {
        const id = `sg-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `security-group/${id}`), name: physicalName(name, inputs, hex), ownerId: "" } };
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (_n, _i, { hex, arn }) => {
        const id = `sgr-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `security-group-rule/${id}`), securityGroupRuleId: id } };
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (_n, _i, { hex, arn }) => {
        const id = `sgr-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `security-group-rule/${id}`), securityGroupRuleId: id } };
    },
    "aws:ec2/internetGateway:InternetGateway": (_n, _i, { hex, arn }) => {
        const id = `igw-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `internet-gateway/${id}`) } };
    },
    "aws:ec2/eip:Eip": (_n, _i, { hex }) => ({ id: `eipalloc-${hex(17)}`, state: { allocationId: `eipalloc-${hex(17)}`, publicIp: "203.0.113.10" } }),
    "aws:ec2/natGateway:NatGateway": (_n, _i, { hex }) => ({ id: `nat-${hex(17)}`, state: {} }),
    "aws:ec2/routeTable:RouteTable": (_n, _i, { hex, arn }) => {
        const id = `rtb-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `route-table/${id}`) } };
    },
    "aws:ec2/route:Route": (_n, inputs, { hex }) => ({ id: `r-${inputs.routeTableId}${hex(10)}`, state: {} }),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": (_n, _i, { hex }) => ({ id: `rtbassoc-${hex(17)}`, state: {} }),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (_n, _i, { hex, arn }) => {
        const id = `vpce-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `vpc-endpoint/${id}`) } };
    },
};

/**
 * `pulumi.runtime.Mocks` that answer like the AWS provider: `ns-…`, `srv-…`, `vpc-…` ids,
 * ARNs in the configured region and account, and the invokes programs commonly call.
 * Ids are derived from the resource's type and name, so graphs are reproducible.
 */
export class AwsMocks implements pulumi.runtime.Mocks {
    readonly region: string;
    readonly accountId: string;
    private readonly unknownResources: "throw" | "generic";

    constructor(settings: AwsMockSettings = {}) {
        this.region = settings.region ?? "us-east-1";
        this.accountId = settings.accountId ?? "123456789012";
        this.unknownResources = settings.unknownResources ?? "throw";
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const inputs: State = args.inputs ?? {};
        if (args.custom === false) {
            return { id: undefined, state: inputs };
        }
        const seed = `${args.type}::${args.name}`;
        const ids: Ids = {
            hex: (n) => hexOf(seed, n),
            arn: (service, resource, global) =>
                `arn:aws:${service}:${global ? "" : this.region}:${this.accountId}:${resource}`,
        };
        const behaviour = RESOURCES[args.type] ?? (args.type.startsWith("pulumi:providers:") ? providerBehaviour : undefined);
        if (behaviour === undefined) {
            if (this.unknownResources === "throw") {
                throw new Error(`AwsMocks: no model for resource type "${args.type}" (resource "${args.name}"). ` +
                    "Add it to engine/awsMocks.ts so tests see AWS-shaped ids.");
            }
            return genericResource(args.type, args.name, inputs, ids);
        }
        const { id, state } = behaviour(args.name, inputs, ids);
        return { id, state: { ...inputs, ...state } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const inputs = (args.inputs ?? {}) as State;
        const zones = ["a", "b", "c"].map((z) => `${this.region}${z}`);
        switch (args.token) {
            case "aws:index/getRegion:getRegion":
                return { id: this.region, name: this.region, region: this.region, endpoint: `ec2.${this.region}.amazonaws.com`, description: this.region };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { id: this.accountId, accountId: this.accountId, arn: `arn:aws:iam::${this.accountId}:user/offline-plan`, userId: "AIDAOFFLINEPLAN" };
            case "aws:index/getPartition:getPartition":
                return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return { id: this.region, names: zones, zoneIds: zones.map((_, i) => `use1-az${i + 1}`), groupNames: [this.region] };
            case "aws:ec2/getVpc:getVpc":
                return { id: "vpc-0default000000000", cidrBlock: "172.31.0.0/16", default: true, enableDnsSupport: true, enableDnsHostnames: true, arn: `arn:aws:ec2:${this.region}:${this.accountId}:vpc/vpc-0default000000000` };
            case "aws:ec2/getSubnets:getSubnets":
                return { id: this.region, ids: zones.map((_, i) => `subnet-0default00000000${i}`) };
            case "aws:iam/getPolicyDocument:getPolicyDocument": {
                const json = JSON.stringify(policyDocumentFromStatements(inputs));
                return { id: hexOf(json, 10), json, minifiedJson: json };
            }
            default: {
                const message = `AwsMocks: no mock for invoke "${args.token}". Offline plans answer only the invokes ` +
                    "listed in engine/awsMocks.ts; pass the value as configuration instead, or add a mock.";
                // The SDK takes a failed invoke's message from gRPC's `details`, not `message`.
                throw Object.assign(new Error(message), { details: message });
            }
        }
    }
}

const providerBehaviour: Behaviour = (name) => ({ id: `${name}-provider`, state: {} });

function genericResource(type: string, name: string, inputs: State, ids: Ids): { id: string; state: State } {
    const [pkg, module] = type.split(":");
    const service = (module ?? "resource").split("/")[0];
    const id = `${name}-${ids.hex(8)}`;
    const state: State = { ...inputs };
    if (pkg === "aws") {
        state.arn = ids.arn(service, `${type.split(":").pop()?.toLowerCase()}/${id}`);
    }
    return { id, state };
}

function hexOf(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    }
    return out.slice(0, length);
}

interface PolicyStatementInput {
    sid?: string;
    effect?: string;
    actions?: string[];
    resources?: string[];
    principals?: { type: string; identifiers: string[] }[];
    conditions?: { test: string; variable: string; values: string[] }[];
}

/** Renders `aws.iam.getPolicyDocument` statements the way the provider does. */
function policyDocumentFromStatements(inputs: State): unknown {
    const statements = (inputs.statements ?? []) as PolicyStatementInput[];
    return {
        Version: "2012-10-17",
        Statement: statements.map((s) => {
            const out: Record<string, unknown> = { Effect: s.effect ?? "Allow" };
            if (s.sid) out.Sid = s.sid;
            if (s.actions) out.Action = s.actions.length === 1 ? s.actions[0] : s.actions;
            if (s.resources) out.Resource = s.resources.length === 1 ? s.resources[0] : s.resources;
            if (s.principals) {
                out.Principal = Object.fromEntries(s.principals.map((p) => [p.type, p.identifiers.length === 1 ? p.identifiers[0] : p.identifiers]));
            }
            if (s.conditions) {
                const condition: Record<string, Record<string, unknown>> = {};
                for (const c of s.conditions) {
                    condition[c.test] = { ...(condition[c.test] ?? {}), [c.variable]: c.values.length === 1 ? c.values[0] : c.values };
                }
                out.Condition = condition;
            }
            return out;
        }),
    };
}

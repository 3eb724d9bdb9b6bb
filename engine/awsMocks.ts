import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_VPC_ID, defaultSubnetIds, REMOTE_COMPONENT_MODELS } from "./remoteComponents";
import { isSdkUnknown } from "./wireProperties";

/** The account and region the mocks pretend to be in. */
export interface AwsMockSettings {
    /** The stack's region (`aws:region`); explicit providers and a resource's own `region` override it. @default "us-east-1" */
    readonly region?: string;
    /** @default "123456789012" */
    readonly accountId?: string;
    /**
     * What to do with a resource type the mocks do not model: `"throw"` (tests, so a typo
     * or a new resource cannot slip through with a made-up id) or `"generic"` (plans of
     * arbitrary programs, which get a generic id and, for AWS types, ARN).
     * @default "throw"
     */
    readonly unknownResources?: "throw" | "generic";
    /**
     * Outputs of the stacks the program references (`new pulumi.StackReference(name)`), keyed
     * by the name the program passes. A stack not listed here has unknown outputs.
     */
    readonly stackReferenceOutputs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

type State = Record<string, unknown>;
type Ids = { readonly hex: (n: number) => string; readonly arn: (service: string, resource: string, global?: boolean) => string | undefined };
/** Computes a modelled resource's id and outputs; `id: undefined` when it derives from a value not known yet (previews). */
type Behaviour = (name: string, inputs: State, ids: Ids) => { id: string | undefined; state: State };

/** A known string input, or undefined when it is missing, not a string, or unknown until deploy. */
function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** The physical name: the `name` input, else the provider's autoname; undefined while `name` is unknown. */
function physicalName(name: string, inputs: State, hex: (n: number) => string): string | undefined {
    return isSdkUnknown(inputs.name) ? undefined : text(inputs.name) ?? `${name}-${hex(7)}`;
}

/** A behaviour for resources named by `physicalName`; everything is unknown while the name is. */
function named(build: (physical: string, inputs: State, ids: Ids) => { id: string | undefined; state: State }): Behaviour {
    return (name, inputs, ids) => {
        const physical = physicalName(name, inputs, ids.hex);
        return physical === undefined ? { id: undefined, state: {} } : build(physical, inputs, ids);
    };
}

/**
 * How the AWS provider answers for each resource type the components create: the id
 * format AWS uses, the ARN, and the computed outputs programs read. In a preview an input
 * may be unknown (`pulumi.unknown`); what derives from it is then left out, so it stays
 * unknown too.
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
    "aws:servicediscovery/httpNamespace:HttpNamespace": (_n, inputs, { hex, arn }) => {
        const id = `ns-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `namespace/${id}`), httpName: inputs.name } };
    },
    "aws:servicediscovery/service:Service": (_n, _i, { hex, arn }) => {
        const id = `srv-${hex(16)}`;
        return { id, state: { arn: arn("servicediscovery", `service/${id}`) } };
    },
    "aws:servicediscovery/instance:Instance": (_n, inputs) => ({ id: text(inputs.instanceId), state: {} }),
    "aws:ecs/cluster:Cluster": named((clusterName, _i, { arn }) => {
        const clusterArn = arn("ecs", `cluster/${clusterName}`);
        return { id: clusterArn, state: { name: clusterName, arn: clusterArn } };
    }),
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": (_n, inputs) => ({ id: text(inputs.clusterName), state: {} }),
    "aws:sqs/queue:Queue": named((queueName, _i, { arn }) => {
        const queueArn = arn("sqs", queueName);
        // https://sqs.<region>.amazonaws.com/<account>/<name>, the form SQS returns as QueueUrl.
        const [, , , region, account] = queueArn?.split(":") ?? [];
        const url = queueArn === undefined ? undefined : `https://sqs.${region}.amazonaws.com/${account}/${queueName}`;
        return { id: url, state: { name: queueName, arn: queueArn, url } };
    }),
    "aws:ecs/taskDefinition:TaskDefinition": (_n, inputs, { arn }) => {
        const family = text(inputs.family);
        return family === undefined ? { id: undefined, state: { revision: 1 } } : {
            id: family,
            state: { revision: 1, arn: arn("ecs", `task-definition/${family}:1`), arnWithoutRevision: arn("ecs", `task-definition/${family}`) },
        };
    },
    "aws:ecs/service:Service": named((serviceName, inputs, { arn }) => {
        const cluster = isSdkUnknown(inputs.cluster) ? undefined : (text(inputs.cluster) ?? "default").split("/").pop();
        const serviceArn = cluster === undefined ? undefined : arn("ecs", `service/${cluster}/${serviceName}`);
        return { id: serviceArn, state: { name: serviceName, arn: serviceArn } };
    }),
    "aws:iam/role:Role": named((roleName, _i, { hex, arn }) => ({
        id: roleName,
        state: { name: roleName, arn: arn("iam", `role/${roleName}`, true), uniqueId: `AROA${hex(17).toUpperCase()}` },
    })),
    "aws:iam/rolePolicy:RolePolicy": named((policyName, inputs) => {
        const role = text(inputs.role);
        return { id: role === undefined ? undefined : `${role}:${policyName}`, state: { name: policyName } };
    }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (_n, inputs, { hex }) => {
        const role = text(inputs.role);
        return { id: role === undefined ? undefined : `${role}-${hex(26)}`, state: {} };
    },
    "aws:iam/policy:Policy": named((policyName, _i, { hex, arn }) => {
        const policyArn = arn("iam", `policy/${policyName}`, true);
        return { id: policyArn, state: { name: policyName, arn: policyArn, policyId: `ANPA${hex(17).toUpperCase()}` } };
    }),
    "aws:cloudwatch/logGroup:LogGroup": named((groupName, _i, { arn }) => ({
        id: groupName,
        state: { name: groupName, arn: arn("logs", `log-group:${groupName}`) },
    })),
    "aws:dynamodb/table:Table": named((tableName, _i, { arn }) => ({
        id: tableName,
        state: { name: tableName, arn: arn("dynamodb", `table/${tableName}`), streamArn: "" },
    })),
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
    "aws:ec2/route:Route": (_n, inputs, { hex }) => {
        const table = text(inputs.routeTableId);
        return { id: table === undefined ? undefined : `r-${table}${hex(10)}`, state: {} };
    },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": (_n, _i, { hex }) => ({ id: `rtbassoc-${hex(17)}`, state: {} }),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (_n, _i, { hex, arn }) => {
        const id = `vpce-${hex(17)}`;
        return { id, state: { arn: arn("ec2", `vpc-endpoint/${id}`) } };
    },
};

const AWS_PROVIDER = "pulumi:providers:aws";
const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/** What the program asked of `pulumi.StackReference`, so a plan can say which outputs were supplied. */
export interface StackReferenceUse {
    readonly name: string;
    /** True when `stackReferenceOutputs` had an entry for it; otherwise its outputs are unknown. */
    readonly supplied: boolean;
}

/**
 * `pulumi.runtime.Mocks` that answer like the AWS provider: `ns-…`, `srv-…`, `vpc-…` ids,
 * ARNs in the resource's region and the account, and the invokes programs commonly call.
 * Ids are derived from the resource's type and name, so graphs are reproducible.
 *
 * A resource's region is its own `region` argument (AWS provider v7), else its explicit
 * provider's `region`, else the stack's. Resources with the `import` option keep the id
 * they import. Remote components get the outputs their model computes (remoteComponents.ts);
 * `pulumi.StackReference` gets the outputs supplied for its stack.
 */
export class AwsMocks implements pulumi.runtime.Mocks {
    readonly region: string;
    readonly accountId: string;
    private readonly unknownResources: "throw" | "generic";
    private readonly stackReferenceOutputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /** Explicit AWS providers by the id the mocks gave them: their region, or undefined while unknown. */
    private readonly providerRegions = new Map<string, string | undefined>();
    private readonly stackReferences = new Map<string, StackReferenceUse>();

    constructor(settings: AwsMockSettings = {}) {
        this.region = settings.region ?? "us-east-1";
        this.accountId = settings.accountId ?? "123456789012";
        this.unknownResources = settings.unknownResources ?? "throw";
        this.stackReferenceOutputs = settings.stackReferenceOutputs ?? {};
    }

    /** Every `pulumi.StackReference` the program created, in order. */
    stackReferencesUsed(): StackReferenceUse[] {
        return [...this.stackReferences.values()];
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const inputs: State = args.inputs ?? {};
        if (args.custom === false) {
            const model = REMOTE_COMPONENT_MODELS[args.type];
            return { id: undefined, state: model === undefined ? inputs : { ...inputs, ...model(args.name, inputs, hexOf) } };
        }
        if (args.type === STACK_REFERENCE) {
            return this.stackReference(args.name, inputs);
        }
        if (args.type === AWS_PROVIDER) {
            return this.awsProvider(args.name, inputs);
        }
        const seed = `${args.type}::${args.name}`;
        const region = this.regionOf(inputs, args.provider);
        const ids: Ids = {
            hex: (n) => hexOf(seed, n),
            arn: (service, resource, global) =>
                global ? `arn:aws:${service}::${this.accountId}:${resource}` : region === undefined ? undefined : `arn:aws:${service}:${region}:${this.accountId}:${resource}`,
        };
        const behaviour = RESOURCES[args.type] ?? (args.type.startsWith("pulumi:providers:") ? providerBehaviour : undefined);
        let result: { id: string | undefined; state: State };
        if (behaviour !== undefined) {
            const { id, state } = behaviour(args.name, inputs, ids);
            result = { id, state: { ...inputs, ...withoutUndefined(state) } };
        } else if (this.unknownResources === "throw") {
            throw new Error(`AwsMocks: no model for resource type "${args.type}" (resource "${args.name}"). ` +
                "Add it to engine/awsMocks.ts so tests see AWS-shaped ids.");
        } else {
            result = genericResource(args.type, args.name, inputs, ids);
        }
        // An imported resource keeps the id it is imported by.
        return args.id ? { ...result, id: args.id } : result;
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const inputs = (args.inputs ?? {}) as State;
        const region = this.regionOf(inputs, args.provider) ?? this.region;
        const zones = ["a", "b", "c"].map((z) => `${region}${z}`);
        switch (args.token) {
            case "aws:index/getRegion:getRegion":
                return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { id: this.accountId, accountId: this.accountId, arn: `arn:aws:iam::${this.accountId}:user/offline-plan`, userId: "AIDAOFFLINEPLAN" };
            case "aws:index/getPartition:getPartition":
                return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return { id: region, names: zones, zoneIds: zones.map((_, i) => `use1-az${i + 1}`), groupNames: [region] };
            case "aws:ec2/getVpc:getVpc":
                return { id: DEFAULT_VPC_ID, cidrBlock: "172.31.0.0/16", default: true, enableDnsSupport: true, enableDnsHostnames: true, arn: `arn:aws:ec2:${region}:${this.accountId}:vpc/${DEFAULT_VPC_ID}` };
            case "aws:ec2/getSubnets:getSubnets":
                return { id: region, ids: defaultSubnetIds(zones.length) };
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

    /**
     * The region a resource or invoke acts in: its own `region` argument, else its explicit
     * provider's, else the stack's; undefined while one of those is unknown (previews).
     */
    private regionOf(inputs: State, provider: string | undefined): string | undefined {
        if (isSdkUnknown(inputs.region)) {
            return undefined;
        }
        const own = text(inputs.region);
        if (own !== undefined && own !== "") {
            return own;
        }
        const providerId = provider ? provider.slice(provider.lastIndexOf("::") + 2) : undefined;
        return providerId !== undefined && this.providerRegions.has(providerId) ? this.providerRegions.get(providerId) : this.region;
    }

    /**
     * `new aws.Provider(name, { region })`: remembered so the resources it manages get its
     * region. An explicit provider without a region acts in the stack's (`aws:region`).
     */
    private awsProvider(name: string, inputs: State): { id: string; state: State } {
        if (inputs.region === "") {
            throw new Error(`aws.Provider "${name}" has an empty region. Set region to an AWS region such as "us-west-2", or leave it out to use the stack's aws:region.`);
        }
        // Ids must be unique among providers: resources name their provider by it.
        let id = `${name}-provider`;
        for (let n = 2; this.providerRegions.has(id); n++) {
            id = `${name}-provider-${n}`;
        }
        this.providerRegions.set(id, isSdkUnknown(inputs.region) ? undefined : text(inputs.region) ?? this.region);
        return { id, state: inputs };
    }

    /** A stack reference's outputs: as supplied, else left out so a preview sees them unknown. */
    private stackReference(name: string, inputs: State): { id: string; state: State } {
        const stack = text(inputs.name) ?? name;
        const outputs = Object.prototype.hasOwnProperty.call(this.stackReferenceOutputs, stack) ? this.stackReferenceOutputs[stack] : undefined;
        this.stackReferences.set(stack, { name: stack, supplied: outputs !== undefined });
        return { id: stack, state: outputs === undefined ? { name: stack } : { name: stack, outputs, secretOutputNames: [] } };
    }
}

const providerBehaviour: Behaviour = (name) => ({ id: `${name}-provider`, state: {} });

/**
 * A type the mocks do not model. An AWS resource gets a generic id and ARN; a resource of
 * another provider (random, tls, …) gets no id. Every other output the provider would compute
 * is left out: in a preview it is unknown, as `pulumi preview` shows it.
 */
function genericResource(type: string, name: string, inputs: State, ids: Ids): { id: string | undefined; state: State } {
    const [pkg, module] = type.split(":");
    if (pkg !== "aws") {
        return { id: undefined, state: inputs };
    }
    const service = (module ?? "resource").split("/")[0];
    const id = `${name}-${ids.hex(8)}`;
    const arn = ids.arn(service, `${type.split(":").pop()?.toLowerCase()}/${id}`);
    return { id, state: arn === undefined ? inputs : { ...inputs, arn } };
}

function withoutUndefined(state: State): State {
    return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
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

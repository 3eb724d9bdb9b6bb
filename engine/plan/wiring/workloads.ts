import { RecordedResource, ResourceGraph } from "../../resourceGraph";
import { namespaceNameOf } from "../dnsRecords";
import { declaredName, referencesVia } from "./references";
import { TYPES } from "./resourceTypes";
import { asRecord, isUnknown } from "./values";

/** Where a kind of resource names its security groups and subnets. */
interface WorkloadShape {
    readonly type: string;
    /** Top-level property and, inside it, the key that lists security groups. */
    readonly groups: readonly [string, string?];
    readonly subnets?: readonly [string, string?];
}

/**
 * Resources that run inside security groups. ECS services first: they are what the
 * connectivity section is about; the others are shown so that hand-written stacks are too.
 */
const SHAPES: readonly WorkloadShape[] = [
    { type: TYPES.ecsService, groups: ["networkConfiguration", "securityGroups"], subnets: ["networkConfiguration", "subnets"] },
    { type: TYPES.lambdaFunction, groups: ["vpcConfig", "securityGroupIds"], subnets: ["vpcConfig", "subnetIds"] },
    { type: "aws:ec2/instance:Instance", groups: ["vpcSecurityGroupIds"], subnets: ["subnetId"] },
    { type: "aws:rds/instance:Instance", groups: ["vpcSecurityGroupIds"] },
    { type: "aws:rds/cluster:Cluster", groups: ["vpcSecurityGroupIds"] },
    { type: "aws:lb/loadBalancer:LoadBalancer", groups: ["securityGroups"], subnets: ["subnets"] },
    { type: "aws:alb/loadBalancer:LoadBalancer", groups: ["securityGroups"], subnets: ["subnets"] },
];

/** Something that sends or receives traffic under security groups. */
export interface Workload {
    /** How reports name it: the Cloud Map service name for a discoverable ECS service, else its name. */
    readonly name: string;
    readonly urn: string;
    readonly type: string;
    /** Security groups of this stack it runs in. */
    readonly securityGroups: readonly string[];
    /** Security group ids it names that this stack does not declare: their rules are not known to the plan. */
    readonly externalSecurityGroups: readonly string[];
    /** IPv4 CIDR blocks of its subnets, when all of them are known. */
    readonly subnetCidrs?: readonly string[];
    /** `<service>.<namespace>` for an ECS service registered in Cloud Map. */
    readonly discoveredAs?: string;
    /** The Cloud Map service(s) it registers in. */
    readonly registeredIn: readonly string[];
}

/**
 * The stack's workloads with their security groups. A security group that none of them uses
 * stands for itself, so rules between hand-written groups still show up as flows.
 */
export function workloadsOf(graph: ResourceGraph): Workload[] {
    const workloads = SHAPES.flatMap((shape) => graph.ofType(shape.type).map((resource) => workload(graph, resource, shape)));
    const used = new Set(workloads.flatMap((w) => w.securityGroups));
    const bareGroups = graph.ofType(TYPES.securityGroup).filter((g) => !used.has(g.urn)).map((group): Workload => ({
        name: `security group ${declaredName(group)}`,
        urn: group.urn,
        type: group.type,
        securityGroups: [group.urn],
        externalSecurityGroups: [],
        registeredIn: [],
    }));
    return uniqueNames([...workloads, ...bareGroups]);
}

/** Selects `key` inside a property's value, or the whole value when there is no key. */
function keyOf(key: string | undefined): (value: unknown) => unknown {
    return (value) => (key === undefined ? value : asRecord(value)[key]);
}

function workload(graph: ResourceGraph, resource: RecordedResource, shape: WorkloadShape): Workload {
    const groups = referencesVia(graph, resource, shape.groups[0], [TYPES.securityGroup], { pick: keyOf(shape.groups[1]) });
    const registries = shape.type === TYPES.ecsService ? registriesOf(graph, resource) : [];
    const discovery = registries[0];
    const discoveredName = discovery === undefined ? undefined : String(discovery.inputs.name ?? discovery.name);
    return {
        name: discoveredName ?? declaredName(resource),
        urn: resource.urn,
        type: resource.type,
        securityGroups: groups.resources.map((g) => g.urn),
        externalSecurityGroups: groups.external,
        ...(shape.subnets === undefined ? {} : subnetCidrs(graph, resource, shape.subnets)),
        ...(discovery === undefined ? {} : { discoveredAs: `${discoveredName}.${namespaceNameOf(discovery, graph)}` }),
        registeredIn: registries.map((r) => r.urn),
    };
}

/** The Cloud Map services an ECS service registers its tasks in (`serviceRegistries.registryArn`). */
function registriesOf(graph: ResourceGraph, ecsService: RecordedResource): RecordedResource[] {
    const registryArns = (registries: unknown): unknown[] => (Array.isArray(registries) ? registries : [registries]).map((r) => asRecord(r).registryArn);
    return [...referencesVia(graph, ecsService, "serviceRegistries", [TYPES.cloudMapService], { pick: registryArns, keys: ["arn"] }).resources];
}

function subnetCidrs(graph: ResourceGraph, resource: RecordedResource, path: readonly [string, string?]): { subnetCidrs?: string[] } {
    const refs = referencesVia(graph, resource, path[0], [TYPES.subnet], { pick: keyOf(path[1]) });
    const cidrs = refs.resources.map((s) => s.inputs.cidrBlock);
    const known = refs.external.length === 0 && !refs.unknown && refs.resources.length > 0 &&
        cidrs.every((c) => typeof c === "string" && !isUnknown(c));
    return known ? { subnetCidrs: cidrs as string[] } : {};
}

/** Two workloads with the same name (e.g. one service name in two namespaces) are told apart by their discovery name or Pulumi name. */
function uniqueNames(workloads: Workload[]): Workload[] {
    const counts = new Map<string, number>();
    workloads.forEach((w) => counts.set(w.name, (counts.get(w.name) ?? 0) + 1));
    return workloads.map((w) => (counts.get(w.name) === 1 ? w : { ...w, name: w.discoveredAs ?? `${w.name} (${w.urn.split("::").pop()})` }));
}

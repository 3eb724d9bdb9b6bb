import { RecordedResource, ResourceGraph } from "../../resourceGraph";
import { cidrContains } from "./cidr";
import { DiscoveryAccess, discoveryAccessOf } from "./discovery";
import { ContainerEnvironment, Environments } from "./environment";
import { RoleGrants } from "./grants";
import { covers, describeTraffic, intersect, Traffic } from "./ports";
import { referencesVia } from "./references";
import { TYPES } from "./resourceTypes";
import { Peer, Permission, permissionsOf } from "./securityGroups";
import { Workload, workloadsOf } from "./workloads";

/** One end of a flow: a workload of the stack, or what a rule names outside it. */
export interface FlowEnd {
    readonly kind: "workload" | "cidr" | "prefix-list" | "security-group" | "unknown";
    /** The workload's name, the CIDR, the prefix list or security group id. */
    readonly name: string;
    readonly urn?: string;
}

/** Traffic the security groups allow from one end to the other. */
export interface Flow {
    readonly from: FlowEnd;
    readonly to: FlowEnd;
    readonly traffic: Traffic;
    /** `80/tcp`, `all traffic`, ... */
    readonly ports: string;
    /** The resources whose rules allow it (both the ingress and the egress, for flows between workloads). */
    readonly rules: readonly string[];
}

/** A workload with what it may resolve and the environment it gets. */
export interface ConnectedWorkload extends Workload {
    /** The IAM role its code runs as (ECS task role, Lambda execution role), when the stack declares it. */
    readonly role?: string;
    readonly discovery: DiscoveryAccess;
    readonly environment: readonly ContainerEnvironment[];
}

export interface Connectivity {
    readonly workloads: readonly ConnectedWorkload[];
    readonly flows: readonly Flow[];
}

/**
 * Every flow the stack's security groups allow. Between two workloads, traffic flows when the
 * callee's ingress admits the caller (its security group, or a CIDR holding all of the caller's
 * subnets) and the caller's egress allows the callee (likewise); the ports are what both allow.
 * EC2 security groups are stateful, so replies need no rule (Amazon VPC user guide, "Security
 * groups"). Ingress from, and egress to, CIDRs, prefix lists and groups outside the stack are
 * flows of their own.
 */
export function connectivityOf(graph: ResourceGraph, grants: readonly RoleGrants[], environments: Environments): Connectivity {
    const permissions = permissionsOf(graph);
    const workloads = workloadsOf(graph);
    const flows = [...betweenWorkloads(workloads, permissions), ...withOutside(workloads, permissions)];
    return {
        workloads: workloads.map((w) => connected(graph, w, grants, environments)),
        flows: withoutCovered(flows),
    };
}

function end(workload: Workload): FlowEnd {
    return { kind: "workload", name: workload.name, urn: workload.urn };
}

/** True when a permission's peer is (or holds every address of) the workload. */
function admits(peer: Peer, workload: Workload): boolean {
    switch (peer.kind) {
        case "group":
            return workload.securityGroups.includes(peer.urn);
        case "cidr":
            // Every workload in a VPC has an IPv4 address, so 0.0.0.0/0 holds it wherever its subnets are.
            return peer.cidr === "0.0.0.0/0" ||
                (workload.subnetCidrs !== undefined && workload.subnetCidrs.every((subnet) => cidrContains(peer.cidr, subnet)));
        default:
            return false;
    }
}

function betweenWorkloads(workloads: readonly Workload[], permissions: readonly Permission[]): Flow[] {
    const byGroup = new Map<string, Permission[]>();
    permissions.forEach((p) => byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]));
    const own = (w: Workload, direction: Permission["direction"]): Permission[] =>
        w.securityGroups.flatMap((g) => byGroup.get(g) ?? []).filter((p) => p.direction === direction);
    const ingressOf = new Map(workloads.map((w) => [w.urn, own(w, "ingress")]));
    const egressOf = new Map(workloads.map((w) => [w.urn, own(w, "egress")]));
    const flows: Flow[] = [];
    for (const callee of workloads) {
        for (const caller of workloads) {
            const egress = (egressOf.get(caller.urn) ?? []).filter((p) => admits(p.peer, callee));
            for (const inbound of (ingressOf.get(callee.urn) ?? []).filter((p) => admits(p.peer, caller))) {
                for (const outbound of egress) {
                    const traffic = intersect(inbound.traffic, outbound.traffic);
                    if (traffic !== undefined) {
                        flows.push({ from: end(caller), to: end(callee), traffic, ports: describeTraffic(traffic), rules: unique([inbound.declaredBy, outbound.declaredBy]) });
                    }
                }
            }
        }
    }
    return flows;
}

function outside(peer: Peer): FlowEnd | undefined {
    switch (peer.kind) {
        case "cidr":
            return { kind: "cidr", name: peer.cidr };
        case "prefix-list":
            return { kind: "prefix-list", name: peer.id };
        case "external-group":
            return { kind: "security-group", name: peer.id };
        case "unknown":
            return { kind: "unknown", name: "(known after deploy)" };
        default:
            return undefined;
    }
}

function withOutside(workloads: readonly Workload[], permissions: readonly Permission[]): Flow[] {
    return permissions.flatMap((permission) => {
        const other = outside(permission.peer);
        if (other === undefined) {
            return [];
        }
        return workloads.filter((w) => w.securityGroups.includes(permission.group)).map((w): Flow => ({
            from: permission.direction === "ingress" ? other : end(w),
            to: permission.direction === "ingress" ? end(w) : other,
            traffic: permission.traffic,
            ports: describeTraffic(permission.traffic),
            rules: [permission.declaredBy],
        }));
    });
}

/** One flow per pair and traffic; a flow whose traffic another flow of the same pair already allows is dropped. */
function withoutCovered(flows: readonly Flow[]): Flow[] {
    const key = (f: Flow): string => `${f.from.kind}:${f.from.urn ?? f.from.name}\u0000${f.to.kind}:${f.to.urn ?? f.to.name}`;
    const merged: Flow[] = [];
    for (const flow of flows) {
        const same = merged.findIndex((m) => key(m) === key(flow) && m.ports === flow.ports);
        if (same >= 0) {
            merged[same] = { ...merged[same], rules: unique([...merged[same].rules, ...flow.rules]) };
        } else {
            merged.push(flow);
        }
    }
    return merged.filter((flow) => !merged.some((other) => other !== flow && key(other) === key(flow) && other.ports !== flow.ports && covers(other.traffic, flow.traffic)));
}

function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}

/** The role a workload's code runs as: an ECS service's task role (through its task definition), a Lambda function's role. */
function roleOf(graph: ResourceGraph, workload: Workload): { role?: RecordedResource; taskDefinitions: readonly RecordedResource[] } {
    const resource = graph.get(workload.urn);
    if (resource === undefined) {
        return { taskDefinitions: [] };
    }
    if (resource.type === TYPES.ecsService) {
        const taskDefinitions = referencesVia(graph, resource, "taskDefinition", [TYPES.taskDefinition], { keys: ["arn", "id"] }).resources;
        const role = taskDefinitions.flatMap((t) => referencesVia(graph, t, "taskRoleArn", [TYPES.iamRole], { keys: ["arn"] }).resources)[0];
        return { role, taskDefinitions };
    }
    if (resource.type === TYPES.lambdaFunction) {
        return { role: referencesVia(graph, resource, "role", [TYPES.iamRole], { keys: ["arn"] }).resources[0], taskDefinitions: [] };
    }
    return { taskDefinitions: [] };
}

function connected(graph: ResourceGraph, workload: Workload, grants: readonly RoleGrants[], environments: Environments): ConnectedWorkload {
    const { role, taskDefinitions } = roleOf(graph, workload);
    const roleGrants = role === undefined ? undefined : grants.find((g) => g.urn === role.urn);
    return {
        ...workload,
        ...(roleGrants === undefined ? {} : { role: roleGrants.role }),
        discovery: roleGrants === undefined ? { resolvable: [], undetermined: [] } : discoveryAccessOf(roleGrants, graph),
        environment: environments.containers.filter((c) => taskDefinitions.some((t) => t.urn === c.taskDefinition)),
    };
}

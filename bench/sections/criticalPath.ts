import { creationSecondsOf } from "../../engine/plan/creationTimes";
import { criticalPath } from "../../engine/plan/criticalPath";
import { RecordedResource } from "../../engine/resourceGraph";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";
import { progress } from "../lib/progress";

/** Configuration that deploys QuickShip into an existing VPC, subnets and cluster. */
const EXISTING_NETWORK = {
    "quickship:vpcId": "vpc-0123456789abcdef0",
    "quickship:privateSubnetIds": JSON.stringify(["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]),
    "quickship:clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/platform",
};

/** The chain nothing can shorten: Cloud Map needs the namespace, ECS needs the Cloud Map service's ARN. */
const DISCOVERY_CHAIN = [
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
    "aws:servicediscovery/service:Service",
    "aws:ecs/service:Service",
];

/**
 * Explicit `dependsOn` that buys correctness rather than just order. Every other explicit
 * dependency (one on a resource whose outputs the inputs do not use) is needless.
 */
const REQUIRED_ORDERINGS: readonly { readonly dependent: string; readonly on: readonly string[]; readonly why: string }[] = [{
    dependent: "aws:ecs/service:Service",
    on: [
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "aws:ec2/route:Route",
        "aws:ec2/routeTable:RouteTable",
        "aws:ec2/natGateway:NatGateway",
        "aws:ec2/vpcEndpoint:VpcEndpoint",
    ],
    why: "Fargate tasks pull their image through the subnets' route out; started earlier they fail, and the " +
        "deployment circuit breaker can roll the new service back",
}];

export interface PathFigures {
    /** Critical path through every dependency the program declared (engine/plan/criticalPath.ts). */
    readonly seconds: number;
    /**
     * Critical path when each resource waits only for what it must: the resources whose
     * outputs its inputs use, and the orderings in REQUIRED_ORDERINGS. Above it means
     * needless serialisation.
     */
    readonly minimumSeconds: number;
    /** The critical chain, "ecs.Service name (15 s)", first created first. */
    readonly path: readonly string[];
    /** Explicit dependsOn edges, "dependent → dependency", split by whether they are required. */
    readonly requiredDependsOn: readonly string[];
    readonly needlessDependsOn: readonly string[];
}

export interface CriticalPathResult extends PathFigures {
    /** QuickShip in an existing network and cluster, where the discovery chain is all that is left. */
    readonly existingNetwork: PathFigures & {
        /** Typical seconds of namespace → Cloud Map service → ECS service. */
        readonly discoveryChainSeconds: number;
        readonly pathIsDiscoveryChain: boolean;
    };
}

/** Deploy critical paths of the QuickShip graph, from the creation-time table of the plan. */
export async function measureCriticalPath(): Promise<CriticalPathResult> {
    progress("critical path: recording QuickShip with a new network and in an existing one");
    const created = (await runUnderMocks(quickshipProgram, { project: "quickship" })).graph.resources;
    const existing = (await runUnderMocks(quickshipProgram, { project: "quickship", config: EXISTING_NETWORK })).graph.resources;
    const existingFigures = figures(existing);
    const chain = criticalPath(existing).path;
    return {
        ...figures(created),
        existingNetwork: {
            ...existingFigures,
            discoveryChainSeconds: DISCOVERY_CHAIN.reduce((sum, type) => sum + creationSecondsOf(firstOfType(existing, type)), 0),
            pathIsDiscoveryChain: chain.length === DISCOVERY_CHAIN.length && chain.every((r, i) => r.type === DISCOVERY_CHAIN[i]),
        },
    };
}

function figures(resources: readonly RecordedResource[]): PathFigures {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const label = (r: RecordedResource) => `${shortType(r.type)} ${r.name}`;
    const required: string[] = [];
    const needless: string[] = [];
    // Each resource keeps its data dependencies (in propertyDependencies) and required orderings.
    const minimal = resources.map((r) => {
        const used = new Set(Object.values(r.propertyDependencies).flat());
        const kept = r.dependencies.filter((urn) => {
            const dependency = byUrn.get(urn);
            if (used.has(urn) || dependency === undefined) {
                return false;
            }
            const isRequired = REQUIRED_ORDERINGS.some((o) => o.dependent === r.type && o.on.includes(dependency.type));
            (isRequired ? required : needless).push(`${label(r)} → ${label(dependency)}`);
            return isRequired;
        });
        return { ...r, dependencies: kept };
    });
    const declared = criticalPath(resources);
    return {
        seconds: declared.seconds,
        minimumSeconds: criticalPath(minimal).seconds,
        path: declared.path.map((r) => `${label(r)} (${creationSecondsOf(r)} s)`),
        requiredDependsOn: required,
        needlessDependsOn: needless,
    };
}

function firstOfType(resources: readonly RecordedResource[], type: string): RecordedResource {
    const found = resources.find((r) => r.type === type);
    if (found === undefined) {
        throw new Error(`QuickShip has no ${type}`);
    }
    return found;
}

/** `aws:ecs/service:Service` → `ecs.Service`: short, and still tells the two kinds of Service apart. */
function shortType(type: string): string {
    const [, module = "", name = type] = type.split(":");
    return `${module.split("/")[0]}.${name}`;
}

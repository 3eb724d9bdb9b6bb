import { RecordedResource, ResourceGraph } from "../../resourceGraph";
import { Traffic, trafficOf } from "./ports";
import { referencesVia } from "./references";
import { TYPES } from "./resourceTypes";
import { asArray, asRecord } from "./values";

/** The other side of a permission: whom an ingress admits, or where an egress may go. */
export type Peer =
    | { readonly kind: "group"; readonly urn: string }
    /** A security group this stack does not declare, by id. */
    | { readonly kind: "external-group"; readonly id: string }
    | { readonly kind: "cidr"; readonly cidr: string }
    | { readonly kind: "prefix-list"; readonly id: string }
    /** A reference that is not known until deploy and matches nothing in the stack. */
    | { readonly kind: "unknown" };

/** One permission of a security group, from whichever resource declared it. */
export interface Permission {
    /** The security group the permission belongs to (a group of this stack). */
    readonly group: string;
    readonly direction: "ingress" | "egress";
    readonly traffic: Traffic;
    readonly peer: Peer;
    /** The resource that declares it: a rule resource, or the group itself for inline rules. */
    readonly declaredBy: string;
}

/**
 * Every permission of the stack's security groups, from the four ways to write one:
 * aws.vpc.SecurityGroupIngressRule / EgressRule, aws.ec2.SecurityGroupRule, and the inline
 * `ingress` / `egress` blocks of aws.ec2.SecurityGroup. A group declares no egress by
 * default: the AWS provider removes the allow-all egress rule EC2 adds to a new group
 * ("NOTE on Egress rules", aws.ec2.SecurityGroup in the Pulumi AWS provider docs).
 * A rule whose protocol or group is not known until deploy is left out.
 */
export function permissionsOf(graph: ResourceGraph): Permission[] {
    return graph.resources.flatMap((resource) => {
        switch (resource.type) {
            case TYPES.securityGroup:
                return [...inlinePermissions(graph, resource, "ingress"), ...inlinePermissions(graph, resource, "egress")];
            case TYPES.securityGroupIngressRule:
                return vpcRulePermissions(graph, resource, "ingress");
            case TYPES.securityGroupEgressRule:
                return vpcRulePermissions(graph, resource, "egress");
            case TYPES.securityGroupRule:
                return ec2RulePermissions(graph, resource);
            default:
                return [];
        }
    });
}

/** The security groups that `resource.property` (or the part `pick` selects) names. */
function groupsVia(graph: ResourceGraph, resource: RecordedResource, property: string, pick?: (value: unknown) => unknown): { urns: string[]; peers: Peer[] } {
    const refs = referencesVia(graph, resource, property, [TYPES.securityGroup], { pick, keys: ["id", "name"] });
    return {
        urns: refs.resources.map((r) => r.urn),
        peers: [
            ...refs.resources.map((r): Peer => ({ kind: "group", urn: r.urn })),
            ...refs.external.map((id): Peer => ({ kind: "external-group", id })),
            ...(refs.unknown ? [{ kind: "unknown" } as const] : []),
        ],
    };
}

function stringList(value: unknown): string[] {
    return asArray(value).filter((v): v is string => typeof v === "string");
}

function cidrPeers(...lists: unknown[]): Peer[] {
    return lists.flatMap(stringList).map((cidr): Peer => ({ kind: "cidr", cidr }));
}

function prefixListPeers(value: unknown): Peer[] {
    return stringList(value).map((id): Peer => ({ kind: "prefix-list", id }));
}

function permissions(group: string, direction: Permission["direction"], traffic: Traffic | undefined, peers: readonly Peer[], declaredBy: string): Permission[] {
    return traffic === undefined ? [] : peers.map((peer) => ({ group, direction, traffic, peer, declaredBy }));
}

/** aws.ec2.SecurityGroup `ingress` / `egress` blocks: CIDRs, prefix lists, other groups (`securityGroups`) and `self`. */
function inlinePermissions(graph: ResourceGraph, group: RecordedResource, direction: Permission["direction"]): Permission[] {
    return asArray(group.inputs[direction]).flatMap((entry) => {
        const rule = asRecord(entry);
        const peers: Peer[] = [
            ...cidrPeers(rule.cidrBlocks, rule.ipv6CidrBlocks),
            ...prefixListPeers(rule.prefixListIds),
            ...(rule.securityGroups === undefined ? [] : groupsVia(graph, group, direction, () => rule.securityGroups).peers),
            ...(rule.self === true ? [{ kind: "group", urn: group.urn } as const] : []),
        ];
        return permissions(group.urn, direction, trafficOf(rule.protocol, rule.fromPort, rule.toPort), peers, group.urn);
    });
}

/** aws.vpc.SecurityGroupIngressRule / EgressRule: one peer each (cidrIpv4, cidrIpv6, prefixListId or referencedSecurityGroupId). */
function vpcRulePermissions(graph: ResourceGraph, rule: RecordedResource, direction: Permission["direction"]): Permission[] {
    const { inputs } = rule;
    const peers: Peer[] = [
        ...cidrPeers([inputs.cidrIpv4, inputs.cidrIpv6].filter((c) => c !== undefined)),
        ...prefixListPeers([inputs.prefixListId].filter((p) => p !== undefined)),
        ...(inputs.referencedSecurityGroupId === undefined ? [] : groupsVia(graph, rule, "referencedSecurityGroupId").peers),
    ];
    const traffic = trafficOf(inputs.ipProtocol, inputs.fromPort, inputs.toPort);
    return groupsVia(graph, rule, "securityGroupId").urns.flatMap((group) => permissions(group, direction, traffic, peers, rule.urn));
}

/** aws.ec2.SecurityGroupRule: `type` ingress or egress; peers are CIDRs, prefix lists, `sourceSecurityGroupId` or `self`. */
function ec2RulePermissions(graph: ResourceGraph, rule: RecordedResource): Permission[] {
    const { inputs } = rule;
    const direction = inputs.type === "ingress" || inputs.type === "egress" ? inputs.type : undefined;
    if (direction === undefined) {
        return [];
    }
    const traffic = trafficOf(inputs.protocol, inputs.fromPort, inputs.toPort);
    return groupsVia(graph, rule, "securityGroupId").urns.flatMap((group) => permissions(group, direction, traffic, [
        ...cidrPeers(inputs.cidrBlocks, inputs.ipv6CidrBlocks),
        ...prefixListPeers(inputs.prefixListIds),
        ...(inputs.sourceSecurityGroupId === undefined ? [] : groupsVia(graph, rule, "sourceSecurityGroupId").peers),
        ...(inputs.self === true ? [{ kind: "group", urn: group } as const] : []),
    ], rule.urn));
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { discoverInstancesStatement, policyDocument } from "./iamStatements";
import { knownPeer } from "./peerRegistry";
import { declareEdge, isEdgeDeclared } from "./programRegistry";
import { ServicePeer } from "./refs";
import { checkPort, Finding, throwOnFindings } from "./rules";
import { fqdnOf, recordTypesOfRef } from "./serviceRefs";
import { typeToken } from "./typeToken";

export interface ServiceEdgeArgs {
    /** The calling service: its security group and task role. */
    readonly caller: ServicePeer;
    /** The called service: its security group, port and Cloud Map service. */
    readonly callee: ServicePeer;
}

/**
 * One allowed call between two services, and nothing more: the callee's security group admits
 * the caller's on the callee's port, the caller's admits the way out to it, and the caller's task
 * role may DiscoverInstances on the callee's Cloud Map service only. Created by `connect` and by
 * `talksTo`; usable on its own for services built elsewhere (and from other languages).
 */
export class ServiceEdge extends pulumi.ComponentResource {
    /** The port the call is allowed on. */
    readonly port: number;
    /** `<service>.<namespace>` of the callee. */
    readonly calleeName: string;
    /** The security group rule on the callee that admits the caller. */
    readonly ingressRuleId: pulumi.Output<string>;
    /** The security group rule on the caller that lets it reach the callee. */
    readonly egressRuleId: pulumi.Output<string>;

    constructor(name: string, args: ServiceEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("ServiceEdge"), name, {}, opts);
        throwOnFindings("ServiceEdge", name, checkEdge(args.caller, args.callee));
        const { caller, callee } = args;
        declareEdge(edgeKey(caller, callee));
        const discovery = callee.discovery!;
        this.port = callee.port!;
        this.calleeName = fqdnOf(discovery);

        const egress = new aws.vpc.SecurityGroupEgressRule(`${name}-egress`, {
            securityGroupId: caller.securityGroupId,
            description: `To ${this.calleeName}`,
            ipProtocol: "tcp", fromPort: this.port, toPort: this.port,
            referencedSecurityGroupId: callee.securityGroupId,
        }, { parent: this });
        const ingress = new aws.vpc.SecurityGroupIngressRule(`${name}-ingress`, {
            securityGroupId: callee.securityGroupId,
            description: caller.discovery === undefined ? "From its declared caller" : `From ${fqdnOf(caller.discovery)}`,
            ipProtocol: "tcp", fromPort: this.port, toPort: this.port,
            referencedSecurityGroupId: caller.securityGroupId,
        }, { parent: this });
        new aws.iam.RolePolicy(`${name}-discover`, {
            role: roleNameOf(caller),
            policy: policyDocument([discoverInstancesStatement({
                namespaceName: discovery.namespaceName,
                serviceName: discovery.name,
                namespaceArn: discovery.namespaceArn,
                serviceArn: discovery.serviceArn,
            })]),
        }, { parent: this });
        this.ingressRuleId = ingress.id;
        this.egressRuleId = egress.id;
        this.registerOutputs({ ingressRuleId: this.ingressRuleId, egressRuleId: this.egressRuleId });
    }
}

export interface ConnectOptions {
    /** The edge component's name. @default "<caller>-to-<callee>" */
    readonly name?: string;
    /** @default the caller when it is a component of this package, else the callee when it is one */
    readonly parent?: pulumi.Resource;
}

/**
 * Declares that `caller` calls `callee`, once both exist — so services that call each other
 * (`ledger → notifier → api → ledger`) can be written as plainly as one-way calls. Creates a
 * `ServiceEdge`; when the caller is a `DiscoverableFargateService`, its container also gets the
 * callee's discovery variables (`<NAME>_SRV_NAME`, `<NAME>_PORT`, ...), which need only the
 * callee's names. `talksTo` declares its calls through this same function. Declare calls in the
 * same step as the services (not inside `apply` or after an `await`): the caller's task
 * definition is rendered right after. A call declared twice, or a service calling itself, is refused.
 */
export function connect(caller: ServicePeer, callee: ServicePeer, options: ConnectOptions = {}): ServiceEdge {
    const callerInfo = knownPeer(caller);
    const calleeInfo = knownPeer(callee);
    const name = options.name ?? `${peerLabel(caller)}-to-${peerLabel(callee)}`;
    // Checked before the caller's environment changes, so a refused call leaves nothing behind.
    throwOnFindings("ServiceEdge", name, checkEdge(caller, callee));
    const discovery = callee.discovery!;
    callerInfo?.environment?.add({
        serviceName: discovery.name,
        namespaceName: discovery.namespaceName,
        dnsRecordTypes: recordTypesOfRef(discovery),
        port: callee.port,
    }, `calls to ${fqdnOf(discovery)}`);
    return new ServiceEdge(name, { caller, callee }, { parent: options.parent ?? callerInfo?.component ?? calleeInfo?.component });
}

/** What an edge needs of its two ends, and that they are two. */
function checkEdge(caller: ServicePeer, callee: ServicePeer): Finding[] {
    const rule = "service-edge-peers";
    const findings: Finding[] = [];
    if (caller?.securityGroupId === undefined) {
        findings.push({ rule, path: "caller.securityGroupId", message: "The caller has no security group id.", fix: "Pass the security group of the caller's tasks." });
    }
    if (caller?.taskRoleArn === undefined && caller?.taskRoleName === undefined) {
        findings.push({ rule, path: "caller.taskRoleArn", message: "The caller has neither a task role ARN nor a task role name, so it cannot be granted discovery of the callee.", fix: "Pass taskRoleArn or taskRoleName of the caller's tasks." });
    }
    if (callee?.securityGroupId === undefined) {
        findings.push({ rule, path: "callee.securityGroupId", message: "The callee has no security group id.", fix: "Pass the security group of the callee's tasks." });
    }
    if (callee?.discovery === undefined) {
        findings.push({ rule, path: "callee.discovery", message: "The callee has no Cloud Map service, so the caller could not find it.", fix: "Pass the Cloud Map service the callee's tasks register in." });
    } else if (callee.discovery.apiOnly === true) {
        findings.push({ rule, path: "callee.discovery", message: `${fqdnOf(callee.discovery)} is API-only; a network call needs a service whose instances have addresses.`, fix: "Call a service with DNS records; read API-only resources with reads." });
    }
    findings.push(...(callee?.port === undefined
        ? [{ rule, path: "callee.port", message: "The callee has no port to admit the caller on.", fix: "Pass the port the callee listens on." }]
        : checkPort(callee.port, "callee.port")));
    if (findings.length === 0 && isSamePeer(caller, callee)) {
        findings.push({ rule: "service-edge-self", path: "callee", message: `${peerLabel(caller)} cannot declare that it calls itself.`, fix: "Remove the call; a service reaches itself without a security group rule." });
    } else if (findings.length === 0 && isEdgeDeclared(edgeKey(caller, callee))) {
        findings.push({
            rule: "service-edge-duplicate",
            path: "callee",
            message: `${peerLabel(caller)} already calls ${fqdnOf(callee.discovery!)}; a second edge would duplicate its security group rules and grant.`,
            fix: "Declare each call once (in talksTo or with connect, not both).",
        });
    }
    return findings;
}

function isSamePeer(caller: ServicePeer, callee: ServicePeer): boolean {
    return caller === callee || caller.securityGroupId === callee.securityGroupId ||
        (caller.discovery !== undefined && callee.discovery !== undefined && fqdnOf(caller.discovery) === fqdnOf(callee.discovery));
}

/** The caller's role by name, as `aws.iam.RolePolicy` takes it (the name is the ARN's last path segment). */
function roleNameOf(caller: ServicePeer): pulumi.Input<string> {
    return caller.taskRoleName ?? pulumi.output(caller.taskRoleArn!).apply((arn) => arn.split("/").pop() ?? arn);
}

/** How an end of an edge is named in resource names and messages. */
function peerLabel(peer: ServicePeer): string {
    return knownPeer(peer)?.name ?? peer.discovery?.name ?? "service";
}

// Peers without a Cloud Map name (callers only) are told apart by identity.
const anonymousKeys = new WeakMap<object, string>();
let anonymousCount = 0;

function peerKey(peer: ServicePeer): string {
    if (peer.discovery !== undefined) {
        return fqdnOf(peer.discovery);
    }
    if (typeof peer.securityGroupId === "string") {
        return peer.securityGroupId;
    }
    const key = anonymousKeys.get(peer) ?? `peer#${++anonymousCount}`;
    anonymousKeys.set(peer, key);
    return key;
}

function edgeKey(caller: ServicePeer, callee: ServicePeer): string {
    return `${peerKey(caller)} ⇒ ${peerKey(callee)}`;
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { discoverInstancesStatement, policyDocument } from "./iamStatements";
import { knownPeer } from "./peerRegistry";
import { declareEdge, isEdgeDeclared } from "./programRegistry";
import { DiscoveryTarget } from "./discoveryEnvironment";
import { CloudMapServiceRef, ServicePeer } from "./refs";
import { checkPort, Finding, throwOnFindings, ValidationError } from "./rules";
import { checkCloudMapServiceRef, fqdnOf, recordTypesOfRef } from "./serviceRefs";
import { typeToken } from "./typeToken";

export interface ServiceEdgeArgs {
    /** The calling service: its security group and task role. */
    readonly caller: ServicePeer;
    /** The called service: its security group, port and Cloud Map service. */
    readonly callee: ServicePeer;
}

/**
 * One allowed call between two services, and nothing more: the callee's security group admits
 * the caller's on the callee's port, the caller's admits the way out to it, and — for a call
 * found through DNS — the caller's task role may DiscoverInstances on the callee's Cloud Map
 * service only (a Service Connect call needs no grant: ECS's proxy resolves it). Created by
 * `connect` and by `talksTo`; usable on its own for services built elsewhere (and from other languages).
 */
export class ServiceEdge extends pulumi.ComponentResource {
    /** The port the call is allowed on. */
    readonly port: number;
    /** How the caller names the callee: `<service>.<namespace>`, or `<alias>:<port>` with Service Connect. */
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
        const route = routeOf(caller, callee)!;
        this.port = callee.port!;
        this.calleeName = route.label;

        const egress = new aws.vpc.SecurityGroupEgressRule(`${name}-egress`, {
            securityGroupId: caller.securityGroupId,
            description: `To ${this.calleeName}`,
            ipProtocol: "tcp", fromPort: this.port, toPort: this.port,
            referencedSecurityGroupId: callee.securityGroupId,
        }, { parent: this });
        const ingress = new aws.vpc.SecurityGroupIngressRule(`${name}-ingress`, {
            securityGroupId: callee.securityGroupId,
            description: `From ${displayNameOf(caller)}`,
            ipProtocol: "tcp", fromPort: this.port, toPort: this.port,
            referencedSecurityGroupId: caller.securityGroupId,
        }, { parent: this });
        if (route.discovery !== undefined) {
            new aws.iam.RolePolicy(`${name}-discover`, {
                role: roleNameOf(name, caller),
                policy: policyDocument([discoverInstancesStatement({
                    namespaceName: route.discovery.namespaceName,
                    serviceName: route.discovery.name,
                    namespaceArn: route.discovery.namespaceArn,
                    serviceArn: route.discovery.serviceArn,
                })]),
            }, { parent: this });
        }
        this.ingressRuleId = ingress.id;
        this.egressRuleId = egress.id;
        this.registerOutputs({ ingressRuleId: this.ingressRuleId, egressRuleId: this.egressRuleId });
    }
}

export interface ConnectOptions {
    /**
     * The edge component's name.
     * Default: "<caller>-to-<callee>", each end by its component's name, else its Cloud Map service name, else its Service Connect alias.
     */
    readonly name?: string;
    /** Default: the caller when it is a component of this package, else the callee when it is one. */
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
    const route = routeOf(caller, callee)!;
    callerInfo?.environment?.add(route.target, `calls to ${route.label}`);
    return new ServiceEdge(name, { caller, callee }, { parent: options.parent ?? callerInfo?.component ?? calleeInfo?.component });
}

/** How a caller reaches a callee: through Service Connect when both use it in one namespace, else through DNS. */
interface Route {
    /** The Cloud Map service to grant discovery of; undefined for a Service Connect call. */
    readonly discovery?: CloudMapServiceRef;
    /** What the caller's container is told. */
    readonly target: DiscoveryTarget;
    readonly label: string;
}

function routeOf(caller: ServicePeer, callee: ServicePeer): Route | undefined {
    const endpoint = callee.serviceConnect;
    if (endpoint !== undefined && caller.serviceConnectNamespace === endpoint.namespaceName) {
        return {
            target: { serviceName: endpoint.dnsName, namespaceName: endpoint.namespaceName, dnsRecordTypes: [], clientAlias: { dnsName: endpoint.dnsName, port: endpoint.port } },
            label: `${endpoint.dnsName}:${endpoint.port} (Service Connect, ${endpoint.namespaceName})`,
        };
    }
    const discovery = callee.discovery;
    if (discovery !== undefined && discovery.apiOnly !== true) {
        return {
            discovery,
            target: { serviceName: discovery.name, namespaceName: discovery.namespaceName, dnsRecordTypes: recordTypesOfRef(discovery), port: callee.port },
            label: fqdnOf(discovery),
        };
    }
    return undefined;
}

/** What an edge needs of its two ends, and that they are two. */
function checkEdge(caller: ServicePeer, callee: ServicePeer): Finding[] {
    const rule = "service-edge-peers";
    const findings: Finding[] = [...checkCloudMapServiceRef(caller?.discovery, "caller.discovery"), ...checkCloudMapServiceRef(callee?.discovery, "callee.discovery")];
    if (findings.length > 0) {
        return findings;
    }
    if (caller?.securityGroupId === undefined) {
        findings.push({ rule, path: "caller.securityGroupId", message: "The caller has no security group id.", fix: "Pass the security group of the caller's tasks." });
    }
    if (callee?.securityGroupId === undefined) {
        findings.push({ rule, path: "callee.securityGroupId", message: "The callee has no security group id.", fix: "Pass the security group of the callee's tasks." });
    }
    findings.push(...(callee?.port === undefined
        ? [{ rule, path: "callee.port", message: "The callee has no port to admit the caller on.", fix: "Pass the port the callee listens on." }]
        : checkPort(callee.port, "callee.port")));
    const route = caller === undefined || callee === undefined ? undefined : routeOf(caller, callee);
    if (route === undefined) {
        findings.push(unreachable(caller, callee));
    } else if (route.discovery !== undefined && caller.taskRoleArn === undefined && caller.taskRoleName === undefined) {
        findings.push({ rule, path: "caller.taskRoleArn", message: "The caller has neither a task role ARN nor a task role name, so it cannot be granted discovery of the callee.", fix: "Pass taskRoleArn or taskRoleName of the caller's tasks." });
    }
    if (findings.length === 0 && isSamePeer(caller, callee)) {
        findings.push({ rule: "service-edge-self", path: "callee", message: `${peerLabel(caller)} cannot declare that it calls itself.`, fix: "Remove the call; a service reaches itself without a security group rule." });
    } else if (findings.length === 0 && isEdgeDeclared(edgeKey(caller, callee))) {
        findings.push({
            rule: "service-edge-duplicate",
            path: "callee",
            message: `${peerLabel(caller)} already calls ${route!.label}; a second edge would duplicate its security group rules and grant.`,
            fix: "Declare each call once (in talksTo or with connect, not both).",
        });
    }
    return findings;
}

/** Why a caller has no way to find a callee. */
function unreachable(caller: ServicePeer | undefined, callee: ServicePeer | undefined): Finding {
    const rule = "service-edge-peers";
    if (callee?.serviceConnect !== undefined) {
        return {
            rule,
            path: "callee.serviceConnect",
            message: `${callee.serviceConnect.dnsName} is reachable only through Service Connect in ${callee.serviceConnect.namespaceName}, and ` +
                `${caller?.serviceConnectNamespace === undefined ? "the caller does not use Service Connect" : `the caller uses it in ${caller.serviceConnectNamespace}`}; ` +
                "only ECS tasks using Service Connect in the same namespace can resolve its name.",
            fix: "Give the caller serviceConnect in the same namespace (as a client: server: false), or register the callee for DNS too.",
        };
    }
    if (callee?.discovery?.apiOnly === true) {
        return { rule, path: "callee.discovery", message: `${fqdnOf(callee.discovery)} is API-only; a network call needs a service whose instances have addresses.`, fix: "Call a service with DNS records; read API-only resources with reads." };
    }
    return { rule, path: "callee.discovery", message: "The callee has neither a Cloud Map service nor a Service Connect endpoint, so the caller could not find it.", fix: "Pass the Cloud Map service the callee's tasks register in, or its Service Connect endpoint." };
}

function isSamePeer(caller: ServicePeer, callee: ServicePeer): boolean {
    return caller === callee || caller.securityGroupId === callee.securityGroupId || peerKey(caller) === peerKey(callee);
}

/**
 * The caller's role by name, as `aws.iam.RolePolicy` takes it (the name is the ARN's last path
 * segment). An ARN that turns out empty (an awsx service without a task role) fails the run here.
 */
function roleNameOf(edge: string, caller: ServicePeer): pulumi.Input<string> {
    return caller.taskRoleName ?? pulumi.output(caller.taskRoleArn!).apply((arn) => {
        if (!arn) {
            throw new ValidationError("ServiceEdge", edge, [{
                rule: "service-edge-peers",
                path: "caller.taskRoleArn",
                message: "The caller's task role ARN is empty, so it cannot be granted discovery of the callee (an awsx service without a task role?).",
                fix: "Give the caller's task definition a task role, or pass taskRoleName.",
            }]);
        }
        return arn.split("/").pop()!;
    });
}

/** How a caller is named in the callee's security group rule: by the name it is found by, where it has one. */
function displayNameOf(peer: ServicePeer): string {
    if (peer.discovery !== undefined) {
        return fqdnOf(peer.discovery);
    }
    return peer.serviceConnect !== undefined ? `${peer.serviceConnect.dnsName}.${peer.serviceConnect.namespaceName}` : peerLabel(peer);
}

/** How an end of an edge is named in resource names and messages. */
function peerLabel(peer: ServicePeer): string {
    return knownPeer(peer)?.name ?? peer.discovery?.name ?? peer.serviceConnect?.dnsName ?? "service";
}

// Peers without a Cloud Map name (callers only) are told apart by identity.
const anonymousKeys = new WeakMap<object, string>();
let anonymousCount = 0;

function peerKey(peer: ServicePeer): string {
    if (peer.discovery !== undefined) {
        return fqdnOf(peer.discovery);
    }
    if (peer.serviceConnect !== undefined) {
        return `${peer.serviceConnect.dnsName} in ${peer.serviceConnect.namespaceName}`;
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

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    checkDiscoveryMode,
    checkHealthChecks,
    checkServiceName,
    checkTtlCeiling,
    CloudMapServiceShape,
    DEFAULT_MAX_TTL_SECONDS,
    DnsRecordType,
    Finding,
    NamespaceKind,
    RoutingPolicy,
    throwOnFindings,
} from "./rules";
import { typeToken } from "./typeToken";

/**
 * Ten seconds: long enough that a busy caller resolves a name a handful of times a
 * minute rather than per request, short enough that a stopped task (ECS deregisters it,
 * Cloud Map acts within ~30 s) stops receiving traffic well under a minute later.
 */
export const DEFAULT_TTL_SECONDS = 10;

/** The namespace a service lives in: a {@link PrivateDnsNamespace} or an existing one. */
export interface NamespaceRef {
    /** Namespace id (`ns-…`). */
    readonly id: pulumi.Input<string>;
    /** The namespace's domain, e.g. `quickship.local`. */
    readonly name: string;
    /** @default "private-dns" */
    readonly kind?: NamespaceKind;
}

export interface DiscoverableServiceArgs {
    /** The service name; DNS clients resolve `<name>.<namespace>`. */
    readonly name: string;
    readonly namespace: NamespaceRef;
    /**
     * Make the service API-only (`type: "HTTP"`): no DNS records, instances found with
     * DiscoverInstances. For resources without an IP address, such as a DynamoDB table.
     * @default false
     */
    readonly apiOnly?: boolean;
    /**
     * DNS record types. SRV carries the port, so callers need not hard-code it.
     * Allowed: SRV, A, AAAA, A+AAAA, A+SRV, or CNAME alone (with WEIGHTED routing).
     * @default ["SRV"]
     */
    readonly dnsRecordTypes?: readonly DnsRecordType[];
    /** @default 10 (see DEFAULT_TTL_SECONDS) */
    readonly ttlSeconds?: number;
    /** Ceiling enforced on ttlSeconds, the same one the policy pack applies. @default 60 */
    readonly maxTtlSeconds?: number;
    /**
     * MULTIVALUE answers with up to eight healthy instances, so clients can fail over.
     * @default "MULTIVALUE"
     */
    readonly routingPolicy?: RoutingPolicy;
    /**
     * Who reports instance health. `"ecs"` sets `healthCheckCustomConfig: { failureThreshold: 1 }`
     * so ECS (or the registering code) reports health; `"none"` registers instances as always
     * healthy, or leaves health to `route53HealthCheck`. (`failureThreshold` is deprecated in the
     * provider, which always uses 1, but leaving the block empty replaces the service on every update.)
     * @default "ecs" for DNS services; "none" for API-only services and with `route53HealthCheck`
     */
    readonly healthReporting?: "ecs" | "none";
    /**
     * A Route 53 health check, for public DNS and HTTP namespaces (AWS rejects it in a private
     * DNS namespace). Cannot be combined with `healthReporting: "ecs"`.
     * @default undefined
     */
    readonly route53HealthCheck?: aws.types.input.servicediscovery.ServiceHealthCheckConfig;
    /**
     * Delete registered instances when the service is deleted, so a stack can be torn
     * down while tasks are still registered.
     * @default true
     */
    readonly forceDestroy?: boolean;
    /** @default "<name> in <namespace>" */
    readonly description?: string;
    /** @default {} */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A Cloud Map service that ECS tasks or other resources register into. */
export class DiscoverableService extends pulumi.ComponentResource {
    readonly name: string;
    readonly namespaceName: string;
    /** `<name>.<namespace>`: the name DNS clients resolve (the SRV name for SRV services). */
    readonly fqdn: string;
    readonly apiOnly: boolean;
    /** Record types, empty for API-only services. */
    readonly dnsRecordTypes: readonly DnsRecordType[];
    readonly ttlSeconds: number | undefined;
    readonly namespaceKind: NamespaceKind;
    readonly id: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    readonly service: aws.servicediscovery.Service;

    constructor(name: string, args: DiscoverableServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("DiscoverableService"), name, {}, opts);

        const apiOnly = args.apiOnly ?? false;
        const namespaceKind = args.namespace.kind ?? "private-dns";
        const ttl = args.ttlSeconds ?? DEFAULT_TTL_SECONDS;
        const types = apiOnly ? [] : [...(args.dnsRecordTypes ?? ["SRV"])];
        const healthReporting = args.healthReporting ?? (apiOnly || args.route53HealthCheck !== undefined ? "none" : "ecs");
        const shape: CloudMapServiceShape = {
            name: args.name,
            type: apiOnly ? "HTTP" : undefined,
            dnsConfig: apiOnly ? undefined : {
                dnsRecords: types.map((type) => ({ type, ttl })),
                routingPolicy: args.routingPolicy ?? "MULTIVALUE",
            },
            healthCheckConfig: args.route53HealthCheck as Record<string, unknown> | undefined,
            healthCheckCustomConfig: healthReporting === "ecs" ? { failureThreshold: 1 } : undefined,
        };
        throwOnFindings("DiscoverableService", name, [
            ...checkApiOnlyArgs(args),
            ...checkServiceName(args.name, args.namespace.name, "name"),
            ...checkDiscoveryMode(shape, namespaceKind).map((f) => ({ ...f, path: argumentPath(f.path) })),
            ...checkHealthChecks(shape, namespaceKind).map(inArgumentTerms),
            ...checkTtlCeiling(shape.dnsConfig?.dnsRecords ?? [], args.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS, "ttlSeconds")
                .slice(0, 1).map((f) => ({ ...f, path: "ttlSeconds" })),
        ]);

        this.name = args.name;
        this.namespaceName = args.namespace.name;
        this.fqdn = `${args.name}.${args.namespace.name}`;
        this.apiOnly = apiOnly;
        this.namespaceKind = namespaceKind;
        this.dnsRecordTypes = types;
        this.ttlSeconds = apiOnly ? undefined : ttl;
        this.service = new aws.servicediscovery.Service(name, {
            name: args.name,
            description: args.description ?? `${args.name} in ${args.namespace.name}`,
            // API-only services name their namespace at the top level; DNS services inside dnsConfig.
            namespaceId: apiOnly ? args.namespace.id : undefined,
            type: shape.type,
            dnsConfig: shape.dnsConfig === undefined ? undefined : {
                namespaceId: args.namespace.id,
                dnsRecords: types.map((type) => ({ type, ttl })),
                routingPolicy: shape.dnsConfig.routingPolicy,
            },
            healthCheckConfig: args.route53HealthCheck,
            healthCheckCustomConfig: shape.healthCheckCustomConfig,
            forceDestroy: args.forceDestroy ?? true,
            tags: args.tags,
        }, { parent: this });
        this.id = this.service.id;
        this.arn = this.service.arn;
        this.registerOutputs({ id: this.id, arn: this.arn, fqdn: this.fqdn });
    }
}

function checkApiOnlyArgs(args: DiscoverableServiceArgs): Finding[] {
    const dnsArgs = (["dnsRecordTypes", "ttlSeconds", "routingPolicy"] as const).filter((key) => args[key] !== undefined);
    if (!args.apiOnly || dnsArgs.length === 0) {
        return [];
    }
    return [{
        rule: "cloudmap-api-only-no-dns",
        path: dnsArgs.join(", "),
        message: "These DNS settings do not apply to an API-only service: it has no DNS records.",
        fix: "Remove them, or set apiOnly: false to make the service DNS-discoverable.",
    }];
}

// The one health rule whose AWS wording names fields this component does not have.
function inArgumentTerms(finding: Finding): Finding {
    if (finding.rule === "cloudmap-health-check-exclusive") {
        return {
            ...finding,
            path: "route53HealthCheck",
            message: 'route53HealthCheck cannot be combined with healthReporting: "ecs": a service has one kind of health check.',
            fix: 'Set healthReporting: "none" to rely on the Route 53 check, or remove route53HealthCheck.',
        };
    }
    return { ...finding, path: argumentPath(finding.path) };
}

// Rulebook paths follow the AWS resource; report them in terms of this component's args.
function argumentPath(path: string): string {
    if (path.startsWith("dnsConfig.routingPolicy")) return "routingPolicy";
    if (path.startsWith("dnsConfig.dnsRecords[") && path.endsWith(".ttl")) return "ttlSeconds";
    if (path.startsWith("dnsConfig")) return "dnsRecordTypes";
    if (path.startsWith("healthCheckConfig")) return "route53HealthCheck";
    if (path.startsWith("healthCheckCustomConfig")) return "healthReporting";
    if (path.startsWith("type")) return "apiOnly";
    return path;
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkServiceNameUnique } from "./programRegistry";
import { NamespaceRef } from "./refs";
import { checkRequiredArguments } from "./requiredArguments";
import {
    checkBoolean,
    checkDescription,
    checkDiscoveryMode,
    checkHealthChecks,
    checkOneOf,
    checkServiceName,
    checkServiceRegistries,
    checkTtlCeiling,
    CloudMapServiceShape,
    ContainerShape,
    DEFAULT_MAX_TTL_SECONDS,
    DnsRecordType,
    enumValues,
    Finding,
    HealthReporting,
    NamespaceKind,
    Route53HealthCheckType,
    RoutingPolicy,
    throwOnFindings,
} from "./rules";
import { checkComponentTags } from "./tagChecks";
import { typeToken } from "./typeToken";

/**
 * Ten seconds: long enough that a busy caller resolves a name a handful of times a
 * minute rather than per request, short enough that a stopped task (ECS deregisters it,
 * Cloud Map acts within ~30 s) stops receiving traffic well under a minute later.
 */
export const DEFAULT_TTL_SECONDS = 10;

/** A Route 53 health check of a service's instances (public DNS and HTTP namespaces only). */
export interface Route53HealthCheckArgs {
    /** `HTTP`, `HTTPS` or `TCP` (case-sensitive). */
    readonly type: Route53HealthCheckType;
    /** The path Route 53 requests, for HTTP and HTTPS; at most 255 characters. Default: "/" (AWS's). */
    readonly resourcePath?: string;
    /**
     * Consecutive failed checks before an instance counts as unhealthy, 1-10.
     * Default: unset (AWS documents no default; the staleness estimate assumes Route 53's 3).
     */
    readonly failureThreshold?: number;
}

export interface DiscoverableServiceArgs {
    /** The service name; DNS clients resolve `<name>.<namespace>`. */
    readonly name: string;
    /** The namespace: a `PrivateDnsNamespace`, an `HttpNamespace`, or `{ name, namespaceId, kind }` of an existing one. */
    readonly namespace: NamespaceRef;
    /**
     * Make the service API-only (`type: "HTTP"`): no DNS records, instances found with
     * DiscoverInstances. For resources without an IP address, such as a DynamoDB table.
     * Default: false.
     */
    readonly apiOnly?: boolean;
    /**
     * DNS record types. SRV carries the port, so callers need not hard-code it.
     * Allowed: SRV, A, AAAA, A+AAAA, A+SRV, or CNAME alone (with WEIGHTED routing).
     * Default: ["SRV"].
     */
    readonly dnsRecordTypes?: DnsRecordType[];
    /** TTL of every record, in whole seconds. Default: 10 (see DEFAULT_TTL_SECONDS). */
    readonly ttlSeconds?: number;
    /**
     * Ceiling enforced on ttlSeconds, the same one the policy pack applies as its
     * `maxTtlSeconds`; raise both together. Default: 60.
     */
    readonly maxTtlSeconds?: number;
    /** MULTIVALUE answers with up to eight healthy instances, so clients can fail over. Default: "MULTIVALUE". */
    readonly routingPolicy?: RoutingPolicy;
    /**
     * Who reports instance health. `"ecs"` lets ECS (or the registering code) report it through
     * a custom health check; `"none"` registers instances as always healthy, or leaves health to
     * `route53HealthCheck`.
     * Default: "ecs" for DNS services; "none" for API-only services and with `route53HealthCheck`.
     */
    readonly healthReporting?: HealthReporting;
    /**
     * A Route 53 health check, for public DNS and HTTP namespaces (AWS rejects it in a private
     * DNS namespace). Cannot be combined with `healthReporting: "ecs"`.
     * Default: none.
     */
    readonly route53HealthCheck?: Route53HealthCheckArgs;
    /** Delete registered instances with the service, so a stack can be torn down while tasks are registered. Default: true. */
    readonly forceDestroy?: boolean;
    /** The service's description (at most 1,024 characters). Default: "<name> in <namespace>". */
    readonly description?: string;
    /** Tags of the Cloud Map service. Default: none. */
    readonly tags?: Record<string, pulumi.Input<string>>;
}

/** A container as `serviceRegistryFor` checks it: its name and the ports it maps. */
export interface RegistryContainerArgs {
    readonly name: string;
    readonly portMappings: { readonly containerPort: number }[];
}

/** The `serviceRegistries` block of an ECS service that registers its tasks in a Cloud Map service. */
export interface ServiceRegistryBlock {
    readonly registryArn: pulumi.Output<string>;
    readonly containerName?: string;
    readonly containerPort?: number;
}

/** A Cloud Map service that ECS tasks or other resources register into. */
export class DiscoverableService extends pulumi.ComponentResource {
    /** The service name. */
    readonly name: string;
    /** The namespace's name. */
    readonly namespaceName: string;
    /** `<name>.<namespace>`: the name DNS clients resolve (the SRV name for SRV services). */
    readonly fqdn: string;
    readonly apiOnly: boolean;
    /** Record types, empty for API-only services. */
    readonly dnsRecordTypes: DnsRecordType[];
    /** TTL of the records; undefined for API-only services. */
    readonly ttlSeconds: number | undefined;
    readonly namespaceKind: NamespaceKind;
    /** True when a Route 53 health check decides instance health. */
    readonly route53HealthCheck: boolean;
    /** Service id (`srv-…`). */
    readonly serviceId: pulumi.Output<string>;
    readonly serviceArn: pulumi.Output<string>;
    /** The namespace ARN, when the namespace reference carried it. */
    readonly namespaceArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: DiscoverableServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("DiscoverableService"), name, {}, opts);
        throwOnFindings("DiscoverableService", name, checkRequiredArguments(args, { namespace: "the namespace: { name, namespaceId }" }));
        const settings = resolveSettings(args);
        throwOnFindings("DiscoverableService", name, [
            ...checkArgumentTypes(args),
            ...checkServiceName(args.name, settings.apiOnly ? undefined : args.namespace.name, "name"),
            ...checkDiscoveryMode(settings.shape, settings.namespaceKind).map(inArgumentTerms),
            ...checkHealthChecks(settings.shape, settings.namespaceKind).map(inArgumentTerms),
            ...checkTtlCeiling(settings.shape.dnsConfig?.dnsRecords ?? [], args.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS, "ttlSeconds",
                "raise maxTtlSeconds here and the policy pack's maxTtlSeconds with it")
                .slice(0, 1).map((finding) => ({ ...finding, path: "ttlSeconds" })),
            ...checkServiceNameUnique(args.namespace, args.name, `the DiscoverableService "${name}"`),
        ]);

        this.name = args.name;
        this.namespaceName = args.namespace.name;
        this.fqdn = `${args.name}.${args.namespace.name}`;
        this.apiOnly = settings.apiOnly;
        this.namespaceKind = settings.namespaceKind;
        this.dnsRecordTypes = settings.recordTypes;
        this.ttlSeconds = settings.apiOnly ? undefined : settings.ttl;
        this.route53HealthCheck = args.route53HealthCheck !== undefined;
        const service = new aws.servicediscovery.Service(name, {
            name: args.name,
            description: args.description ?? `${args.name} in ${args.namespace.name}`,
            // API-only services name their namespace at the top level; DNS services inside dnsConfig.
            namespaceId: settings.apiOnly ? args.namespace.namespaceId : undefined,
            type: settings.shape.type,
            dnsConfig: settings.shape.dnsConfig === undefined ? undefined : {
                namespaceId: args.namespace.namespaceId,
                dnsRecords: settings.recordTypes.map((type) => ({ type, ttl: settings.ttl })),
                routingPolicy: settings.shape.dnsConfig.routingPolicy,
            },
            healthCheckConfig: args.route53HealthCheck,
            healthCheckCustomConfig: settings.shape.healthCheckCustomConfig,
            forceDestroy: args.forceDestroy ?? true,
            // A copy: the SDK cannot serialize an object without a prototype, which plain JavaScript can pass.
            tags: args.tags === undefined ? undefined : { ...args.tags },
        }, { parent: this });
        this.serviceId = service.id;
        this.serviceArn = service.arn;
        this.namespaceArn = args.namespace.namespaceArn === undefined ? undefined : pulumi.output(args.namespace.namespaceArn);
        this.registerOutputs({ serviceId: this.serviceId, serviceArn: this.serviceArn, fqdn: this.fqdn });
    }

    /**
     * The `serviceRegistries` block for an ECS service you build yourself (an awsx
     * `FargateService`, a raw `aws.ecs.Service`) whose tasks register here. Container and port
     * come from the container definition you pass, checked as ECS would check them: SRV records
     * need a port the container maps; A-only records take none. Tasks must use `awsvpc`.
     */
    serviceRegistryFor(container: RegistryContainerArgs, containerPort?: number): ServiceRegistryBlock {
        const port = containerPort ?? container.portMappings[0]?.containerPort;
        const registry = this.dnsRecordTypes.includes(DnsRecordType.SRV) ? { containerName: container.name, containerPort: port } : {};
        const containers: ContainerShape[] = [container];
        throwOnFindings("DiscoverableService", this.name, [
            ...(this.apiOnly ? [{
                rule: "ecs-registry-dns-service",
                path: "serviceRegistryFor",
                message: `"${this.name}" is API-only; ECS registers task IP addresses, which belong in a DNS service.`,
                fix: "Register the ECS service in a DiscoverableService with SRV or A records.",
            }] : []),
            ...checkServiceRegistries([registry], { networkMode: "awsvpc", recordTypes: this.dnsRecordTypes, containers, path: "serviceRegistryFor" }),
        ]);
        return { registryArn: this.serviceArn, ...registry };
    }
}

/** The arguments with their defaults applied, and the AWS shape the rulebook checks. */
function resolveSettings(args: DiscoverableServiceArgs) {
    const apiOnly = args.apiOnly ?? false;
    const namespaceKind = args.namespace.kind ?? NamespaceKind.PrivateDns;
    const ttl = args.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const recordTypes: DnsRecordType[] = apiOnly ? [] : [...(args.dnsRecordTypes ?? [DnsRecordType.SRV])];
    const healthReporting = args.healthReporting ??
        (apiOnly || args.route53HealthCheck !== undefined ? HealthReporting.None : HealthReporting.Ecs);
    const shape: CloudMapServiceShape = {
        name: args.name,
        type: apiOnly ? "HTTP" : undefined,
        dnsConfig: apiOnly ? undefined : {
            dnsRecords: recordTypes.map((type) => ({ type, ttl })),
            routingPolicy: args.routingPolicy ?? RoutingPolicy.MULTIVALUE,
        },
        healthCheckConfig: args.route53HealthCheck as Record<string, unknown> | undefined,
        // failureThreshold is set explicitly: the provider reads 1 back, and an empty block would
        // replace the service (deregistering every task) on each update.
        healthCheckCustomConfig: healthReporting === HealthReporting.Ecs ? { failureThreshold: 1 } : undefined,
    };
    return { apiOnly, namespaceKind, ttl, recordTypes, shape };
}

/** Values another language or plain JavaScript can send that the TypeScript types rule out. */
function checkArgumentTypes(args: DiscoverableServiceArgs): Finding[] {
    return [
        ...(args.apiOnly === undefined ? [] : checkBoolean(args.apiOnly, "apiOnly")),
        ...(args.forceDestroy === undefined ? [] : checkBoolean(args.forceDestroy, "forceDestroy")),
        ...checkDescription(args.description, "cloudmap-service"),
        ...checkComponentTags(args.tags, ["cloudmap"]),
        ...(args.dnsRecordTypes ?? []).flatMap((type, i) => checkOneOf(type, enumValues(DnsRecordType), "cloudmap-dns-record-type", `dnsRecordTypes[${i}]`)),
        ...(args.routingPolicy === undefined ? [] : checkOneOf(args.routingPolicy, enumValues(RoutingPolicy), "cloudmap-dns-routing-policy", "routingPolicy")),
        ...(args.healthReporting === undefined ? [] : checkOneOf(args.healthReporting, enumValues(HealthReporting), "cloudmap-health-reporting", "healthReporting")),
        ...(args.namespace.kind === undefined ? [] : checkOneOf(args.namespace.kind, enumValues(NamespaceKind), "cloudmap-namespace-kind", "namespace.kind")),
        ...checkApiOnlyArgs(args),
    ];
}

function checkApiOnlyArgs(args: DiscoverableServiceArgs): Finding[] {
    const dnsArgs = (["dnsRecordTypes", "ttlSeconds", "routingPolicy"] as const).filter((key) => args[key] !== undefined);
    if (args.apiOnly !== true || dnsArgs.length === 0) {
        return [];
    }
    return [{
        rule: "cloudmap-api-only-no-dns",
        path: dnsArgs.join(", "),
        message: "These DNS settings do not apply to an API-only service: it has no DNS records.",
        fix: "Remove them, or set apiOnly: false to make the service DNS-discoverable.",
    }];
}

// The rulebook checks the AWS resource; its paths name AWS fields, reported here as this component's arguments.
const ARGUMENT_OF_FIELD: readonly [RegExp, string][] = [
    [/^dnsConfig\.routingPolicy/, "routingPolicy"],
    [/^dnsConfig\.dnsRecords\[\d+\]\.ttl/, "ttlSeconds"],
    [/^dnsConfig/, "dnsRecordTypes"],
    [/^healthCheckConfig/, "route53HealthCheck"],
    [/^healthCheckCustomConfig/, "healthReporting"],
    [/^type/, "apiOnly"],
];

function inArgumentTerms(finding: Finding): Finding {
    const argument = ARGUMENT_OF_FIELD.find(([field]) => field.test(finding.path))?.[1] ?? finding.path;
    return { ...finding, path: argument };
}



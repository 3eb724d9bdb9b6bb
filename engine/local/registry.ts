import { createHash } from "crypto";
import { checkInstanceAttributeLimits, checkInstanceId, checkInstanceRecordAttributes, checkReservedAttributeValues, Finding, formatFinding } from "../../components/rules";
import { CloudMapError } from "./cloudMapError";
import { PlannedService, PlannedTopology } from "./topology";

/** The account local ARNs carry: not a real one, so nothing local is mistaken for AWS's. */
export const LOCAL_ACCOUNT_ID = "000000000000";

/** Route 53 answers with at most this many records of a MULTIVALUE service (API_DnsConfig, RoutingPolicy). */
export const MAX_MULTIVALUE_ANSWERS = 8;

export type HealthStatus = "HEALTHY" | "UNHEALTHY";
export type HealthStatusFilter = "HEALTHY" | "UNHEALTHY" | "ALL" | "HEALTHY_OR_ELSE_ALL";

export interface LocalNamespace {
    readonly id: string;
    readonly arn: string;
    readonly name: string;
    readonly type: "DNS_PRIVATE" | "DNS_PUBLIC" | "HTTP";
    readonly description?: string;
    /** Seconds since the epoch, as AWS JSON 1.1 carries timestamps. */
    readonly createDate: number;
}

export interface LocalService {
    readonly id: string;
    readonly arn: string;
    readonly namespace: LocalNamespace;
    readonly planned: PlannedService;
    readonly createDate: number;
}

export interface LocalInstance {
    readonly id: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly health: HealthStatus;
    /** Who registered it: "the plan", "--register", "RegisterInstance". */
    readonly source: string;
    readonly creatorRequestId?: string;
}

export interface DiscoverFilter {
    readonly queryParameters?: Readonly<Record<string, string>>;
    readonly optionalParameters?: Readonly<Record<string, string>>;
    /** @default "HEALTHY" */
    readonly healthStatus?: HealthStatusFilter;
    /** @default 100 */
    readonly maxResults?: number;
}

/**
 * The local Cloud Map: namespaces and services as planned, instances as registered since.
 * Registrations are checked with the rulebook, the same rules the components and the policy
 * pack apply, so a registration refused here would be refused by AWS.
 */
export class Registry {
    readonly namespaces: readonly LocalNamespace[];
    readonly services: readonly LocalService[];
    private readonly instancesByService = new Map<LocalService, Map<string, LocalInstance>>();
    private readonly revisions = new Map<LocalService, number>();

    constructor(topology: PlannedTopology, private readonly log: (message: string) => void = () => undefined) {
        const createDate = Math.floor(Date.now() / 1000);
        const arn = (kind: string, id: string) => `arn:aws:servicediscovery:${topology.region}:${LOCAL_ACCOUNT_ID}:${kind}/${id}`;
        this.namespaces = topology.namespaces.map((ns) => {
            const id = `ns-${shortHash(ns.name)}`;
            const type = ns.kind === "private-dns" ? "DNS_PRIVATE" : ns.kind === "public-dns" ? "DNS_PUBLIC" : "HTTP";
            return { id, arn: arn("namespace", id), name: ns.name, type, description: ns.description, createDate };
        });
        this.services = topology.services.map((planned) => {
            const id = `srv-${shortHash(`${planned.namespace}/${planned.name}`)}`;
            const namespace = this.namespaces.find((ns) => ns.name === planned.namespace)!;
            const service = { id, arn: arn("service", id), namespace, planned, createDate };
            this.instancesByService.set(service, new Map());
            this.revisions.set(service, 1);
            return service;
        });
        for (const instance of topology.instances) {
            const service = this.services.find((s) => s.planned.urn === instance.serviceUrn);
            try {
                if (service !== undefined) {
                    this.register(service, instance.id, instance.attributes, "the plan");
                }
            } catch (err) {
                // The policy pack flags such an instance in the plan; here it is simply not served.
                this.log(`not served: ${(err as Error).message}`);
            }
        }
    }

    /** A namespace by id or ARN. */
    namespace(idOrArn: string): LocalNamespace {
        const namespace = this.namespaces.find((ns) => ns.id === idOrArn || ns.arn === idOrArn);
        if (namespace === undefined) {
            throw new CloudMapError("NamespaceNotFound", `No namespace exists with the ID or ARN ${idOrArn} (local namespaces: ${this.namespaces.map((ns) => `${ns.id} ${ns.name}`).join(", ") || "none"}).`);
        }
        return namespace;
    }

    /** A service by id or ARN. */
    service(idOrArn: string): LocalService {
        const service = this.services.find((s) => s.id === idOrArn || s.arn === idOrArn);
        if (service === undefined) {
            throw new CloudMapError("ServiceNotFound", `No service exists with the ID or ARN ${idOrArn} (local services: ${this.services.map((s) => `${s.id} ${s.planned.name}`).join(", ") || "none"}).`);
        }
        return service;
    }

    /** A service by namespace name and service name, as DiscoverInstances names it. */
    serviceNamed(namespaceName: string, serviceName: string): LocalService {
        if (!this.namespaces.some((ns) => ns.name === namespaceName)) {
            throw new CloudMapError("NamespaceNotFound", `No namespace named ${namespaceName} (local namespaces: ${this.namespaces.map((ns) => ns.name).join(", ") || "none"}).`);
        }
        const inNamespace = this.services.filter((s) => s.namespace.name === namespaceName);
        const service = inNamespace.find((s) => s.planned.name === serviceName);
        if (service === undefined) {
            throw new CloudMapError("ServiceNotFound", `No service named ${serviceName} in ${namespaceName} (services there: ${inNamespace.map((s) => s.planned.name).join(", ") || "none"}).`);
        }
        return service;
    }

    instances(service: LocalService): LocalInstance[] {
        return [...this.instancesOf(service).values()];
    }

    instance(service: LocalService, instanceId: string): LocalInstance {
        const instance = this.instancesOf(service).get(instanceId);
        if (instance === undefined) {
            throw new CloudMapError("InstanceNotFound", `No instance ${instanceId} in service ${service.planned.name} (instances: ${[...this.instancesOf(service).keys()].join(", ") || "none"}).`);
        }
        return instance;
    }

    /** InstancesRevision of DiscoverInstances: changes on every registration and deregistration, not on health changes. */
    revision(service: LocalService): number {
        return this.revisions.get(service) ?? 1;
    }

    /** True when someone reports instance health (ECS or the application, or Route 53), so unhealthy instances leave answers. */
    hasHealthCheck(service: LocalService): boolean {
        return service.planned.healthCheck !== "none";
    }

    /**
     * RegisterInstance: creates or replaces an instance. Throws InvalidInput with the
     * rulebook's findings when AWS would refuse the registration.
     */
    register(service: LocalService, instanceId: string, attributes: Readonly<Record<string, string>>, source: string, creatorRequestId?: string): LocalInstance {
        const recordTypes = service.planned.records.map((r) => r.type);
        const findings: Finding[] = [
            ...checkInstanceId(instanceId, "InstanceId"),
            ...checkInstanceAttributeLimits(attributes, "Attributes"),
            ...checkInstanceRecordAttributes(recordTypes, attributes, "Attributes"),
            // Addresses and ports go on the wire as they are, so they must be what AWS accepts.
            ...checkReservedAttributeValues(attributes, "Attributes"),
        ];
        if (findings.length > 0) {
            throw new CloudMapError("InvalidInput", `RegisterInstance ${instanceId} in ${service.planned.name}: ${findings.map(formatFinding).join(" ")}`);
        }
        // AWS_INIT_HEALTH_STATUS applies to services with a custom health check (RegisterInstance, Attributes).
        const health: HealthStatus = service.planned.healthCheck === "custom" && attributes.AWS_INIT_HEALTH_STATUS === "UNHEALTHY" ? "UNHEALTHY" : "HEALTHY";
        const instance: LocalInstance = { id: instanceId, attributes: { ...attributes }, health, source, creatorRequestId };
        const replaced = this.instancesOf(service).has(instanceId);
        this.instancesOf(service).set(instanceId, instance);
        this.revisions.set(service, this.revision(service) + 1);
        this.log(`${service.planned.name}: ${replaced ? "re-registered" : "registered"} ${describeInstance(instance)} (${source})`);
        return instance;
    }

    /** DeregisterInstance. */
    deregister(service: LocalService, instanceId: string): void {
        const instance = this.instance(service, instanceId);
        this.instancesOf(service).delete(instanceId);
        this.revisions.set(service, this.revision(service) + 1);
        this.log(`${service.planned.name}: deregistered ${describeInstance(instance)}`);
    }

    /** Records a health report (UpdateInstanceCustomHealthStatus, or the local TCP probe); returns true when the status changed. */
    setHealth(service: LocalService, instanceId: string, health: HealthStatus, reason: string): boolean {
        const instance = this.instance(service, instanceId);
        if (instance.health === health) {
            return false;
        }
        this.instancesOf(service).set(instanceId, { ...instance, health });
        let effect = "";
        if (health === "UNHEALTHY") {
            const staleness = service.planned.staleness;
            effect = this.instances(service).some((i) => i.health === "HEALTHY")
                ? "; it leaves DNS answers and healthy DiscoverInstances results now"
                : `; no instance of ${service.planned.name} is healthy now, so DNS answers with all of them, as Route 53 does, and healthy DiscoverInstances results are empty`;
            effect += staleness === undefined ? "" : `; in AWS, callers could keep receiving it for up to ${staleness.seconds} s ` +
                `(${staleness.healthDelaySeconds} s before Cloud Map acts on the report + ${staleness.ttlSeconds} s TTL, as the plan estimates)`;
        }
        this.log(`${service.planned.name}: ${describeInstance(instance)} is ${health} (${reason})${effect}`);
        return true;
    }

    /**
     * The instances a DNS query for the service answers with, as Route 53 applies the routing
     * policy (API_DnsConfig RoutingPolicy; Route 53 ResourceRecordSet MultiValueAnswer):
     * MULTIVALUE gives up to eight healthy instances, WEIGHTED one healthy instance at random;
     * when none is healthy, both answer as if all were (up to eight unhealthy ones for
     * MULTIVALUE). Only instances that have the attribute a record needs are candidates.
     */
    dnsAnswerInstances(service: LocalService, hasRecordValue: (instance: LocalInstance) => boolean): LocalInstance[] {
        const candidates = this.instances(service).filter(hasRecordValue);
        const healthy = candidates.filter((i) => i.health === "HEALTHY");
        const pool = shuffled(healthy.length > 0 ? healthy : candidates);
        return pool.slice(0, service.planned.routingPolicy === "WEIGHTED" ? 1 : MAX_MULTIVALUE_ANSWERS);
    }

    /**
     * DiscoverInstances (API_DiscoverInstances): every instance matching all QueryParameters;
     * of those, the ones also matching OptionalParameters if there are any; filtered by health
     * (ignored for services without a health check); in random order; at most MaxResults.
     */
    discover(service: LocalService, filter: DiscoverFilter): LocalInstance[] {
        const matches = (instance: LocalInstance, wanted: Readonly<Record<string, string>> = {}) =>
            Object.entries(wanted).every(([key, value]) => instance.attributes[key] === value);
        const queried = this.instances(service).filter((i) => matches(i, filter.queryParameters));
        const optional = queried.filter((i) => matches(i, filter.optionalParameters));
        const byAttributes = optional.length > 0 ? optional : queried;
        const healthy = byAttributes.filter((i) => i.health === "HEALTHY");
        const unhealthy = byAttributes.filter((i) => i.health === "UNHEALTHY");
        const wanted = filter.healthStatus ?? "HEALTHY";
        const byHealth = !this.hasHealthCheck(service) || wanted === "ALL" ? byAttributes
            : wanted === "HEALTHY" ? healthy
                : wanted === "UNHEALTHY" ? unhealthy
                    : healthy.length > 0 ? healthy : byAttributes;
        return shuffled(byHealth).slice(0, filter.maxResults ?? 100);
    }

    private instancesOf(service: LocalService): Map<string, LocalInstance> {
        return this.instancesByService.get(service)!;
    }
}

/** `abc123 (127.0.0.1:8080)`, or the id alone for an instance without an address. */
export function describeInstance(instance: LocalInstance): string {
    const address = instance.attributes.AWS_INSTANCE_IPV4 ?? instance.attributes.AWS_INSTANCE_IPV6;
    const port = instance.attributes.AWS_INSTANCE_PORT;
    return address === undefined ? instance.id : `${instance.id} (${address.includes(":") ? `[${address}]` : address}${port === undefined ? "" : `:${port}`})`;
}

/** 16 hex digits derived from a name, so local ids stay the same from one run to the next. */
export function shortHash(text: string, length = 16): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

function shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

import { LocalRegistration } from "./args";
import { ApiServer, startApiServer } from "./apiServer";
import { CloudMapError } from "./cloudMapError";
import { DnsServer, startDnsServer } from "./dnsServer";
import { serviceEnvironments, sharedEnvironment } from "./environment";
import { HealthChecker, startHealthChecker } from "./healthChecker";
import { LocalService, Registry, shortHash } from "./registry";
import { PlannedTopology } from "./topology";

export interface LocalCloudMapOptions {
    /** 0 = any free port. */
    readonly dnsPort: number;
    readonly apiPort: number;
    /** Local processes to register, as ECS registers tasks. */
    readonly registrations?: readonly LocalRegistration[];
    /** Service (as named in a registration) → extra attributes for its registrations. */
    readonly attributes?: ReadonlyMap<string, Readonly<Record<string, string>>>;
    /** Probe instances' TCP ports and mark those that stop answering UNHEALTHY. */
    readonly healthCheck?: boolean;
    readonly log?: (message: string) => void;
}

/** The first line cloudmap-local prints: where to reach it and what each service's processes need. */
export interface StartupDocument {
    /** `127.0.0.1:<port>`, UDP and TCP. */
    readonly dns: string;
    /** `http://127.0.0.1:<port>`, the Cloud Map API endpoint. */
    readonly api: string;
    /** The namespaces served (DNS namespaces also over DNS). */
    readonly namespaces: readonly string[];
    /** What every local process needs: the SDK endpoint variables, the region, the DNS server. */
    readonly environment: Readonly<Record<string, string>>;
    readonly services: readonly {
        readonly name: string;
        readonly namespace: string;
        readonly id: string;
        /** Record types ("SRV", "A", ...); empty for an API-only service. */
        readonly records: readonly string[];
        readonly ttl: number | null;
        readonly routingPolicy: string | null;
        readonly instances: readonly string[];
        /** The variables the components give a caller of this service. */
        readonly callerEnvironment: Readonly<Record<string, string>>;
        /** The environment a local process of this service needs; null when no ECS service runs it. */
        readonly environment: Readonly<Record<string, string>> | null;
    }[];
}

export interface LocalCloudMap {
    readonly registry: Registry;
    readonly dns: DnsServer;
    readonly api: ApiServer;
    readonly document: StartupDocument;
    /** Stops probing and closes every socket. */
    close(): Promise<void>;
}

/** A `--register` that cannot be honoured: no such service, or AWS would refuse the instance. */
export class RegistrationError extends Error {
    override readonly name = "RegistrationError";
}

/**
 * Serves a planned topology on loopback: the registry (seeded with the plan's instances and
 * the given registrations), DNS, the Cloud Map API and, if asked, TCP health probes.
 * Throws RegistrationError or PortUnavailableError before anything is left listening.
 */
export async function startLocalCloudMap(topology: PlannedTopology, options: LocalCloudMapOptions): Promise<LocalCloudMap> {
    const log = options.log ?? (() => undefined);
    const registry = new Registry(topology, log);
    for (const registration of options.registrations ?? []) {
        registerProcess(registry, registration, options.attributes?.get(registration.service) ?? {});
    }
    const dns = await startDnsServer(registry, options.dnsPort, log);
    let api: ApiServer;
    try {
        api = await startApiServer(registry, options.apiPort, log);
    } catch (err) {
        await dns.close();
        throw err;
    }
    const checker: HealthChecker | undefined = options.healthCheck ? startHealthChecker(registry, log) : undefined;
    const shared = sharedEnvironment(dns.address, api.url, topology.region);
    const environments = serviceEnvironments(registry, shared);
    const document: StartupDocument = {
        dns: dns.address,
        api: api.url,
        namespaces: registry.namespaces.map((ns) => ns.name),
        environment: shared,
        services: registry.services.map((service) => ({
            name: service.planned.name,
            namespace: service.namespace.name,
            id: service.id,
            records: service.planned.records.map((r) => r.type),
            ttl: service.planned.records[0]?.ttl ?? null,
            routingPolicy: service.planned.records.length > 0 ? service.planned.routingPolicy : null,
            instances: registry.instances(service).map((i) => i.id),
            callerEnvironment: environments.get(service)!.caller,
            environment: environments.get(service)!.process ?? null,
        })),
    };
    return {
        registry,
        dns,
        api,
        document,
        close: async () => {
            checker?.stop();
            await Promise.all([dns.close(), api.close()]);
        },
    };
}

/**
 * Registers a local process as ECS registers a task: its address (AWS_INSTANCE_IPV4 or
 * AWS_INSTANCE_IPV6) and port (AWS_INSTANCE_PORT), under an id of 32 hex digits derived from
 * the address, so it stays the same from one run to the next.
 */
function registerProcess(registry: Registry, registration: LocalRegistration, attributes: Readonly<Record<string, string>>): void {
    const { service: name, host, port } = registration;
    const service = serviceNamed(registry, name);
    const address: Record<string, string> = host.includes(":") ? { AWS_INSTANCE_IPV6: host } : { AWS_INSTANCE_IPV4: host };
    try {
        registry.register(service, shortHash(`${service.arn}/${host}/${port}`, 32), { ...attributes, ...address, AWS_INSTANCE_PORT: String(port) }, "--register");
    } catch (err) {
        throw err instanceof CloudMapError ? new RegistrationError(`--register ${name}=${host}:${port}: ${err.message}`) : err;
    }
}

/** A service by name, or by `<service>.<namespace>` when several namespaces have one of that name. */
function serviceNamed(registry: Registry, name: string): LocalService {
    const matches = registry.services.filter((s) => s.planned.name === name || `${s.planned.name}.${s.namespace.name}` === name);
    if (matches.length === 1) {
        return matches[0];
    }
    const known = registry.services.map((s) => `${s.planned.name}.${s.namespace.name}`).join(", ") || "none";
    throw new RegistrationError(matches.length === 0
        ? `--register ${name}: the plan has no service named ${name} (services: ${known}).`
        : `--register ${name}: several namespaces have a service named ${name}; name one as <service>.<namespace> (${matches.map((s) => `${s.planned.name}.${s.namespace.name}`).join(", ")}).`);
}

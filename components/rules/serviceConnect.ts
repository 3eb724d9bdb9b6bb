import { checkPrivateCaArn } from "./arns";
import { Finding } from "./finding";
import { itemPath, keyPath } from "./paths";
import { describeValue, isRecord } from "./values";

/**
 * ECS Service Connect: what CreateService and RegisterTaskDefinition accept, and what bites.
 * Sources (ECS API reference unless noted):
 * - API_ServiceConnectService: `portName` must be the name of a port mapping of the task
 *   definition; `discoveryName` up to 64 lowercase letters, digits, `_`, `-`, not starting with
 *   `-`, unique in the namespace (ECS creates a Cloud Map service of that name); "The maximum
 *   number of client aliases that you can have in this list is 1" and "you must provide at least
 *   one clientAlias with one port": exactly one.
 * - API_ServiceConnectClientAlias: `port` 0-65535; `dnsName` up to 127 lowercase letters, digits,
 *   `_`, `-` and `.`, not starting with `-`.
 * - API_PortMapping: `name` up to 64 lowercase letters, digits, `_`, `-`, not starting with `-`;
 *   `appProtocol` http, http2 or grpc ("If you don't set a value for this parameter, then TCP is
 *   used"); "appProtocol is immutable in a Service Connect service. Updating this field requires a
 *   service deletion and redeployment."
 * - API_TimeoutConfiguration: both timeouts 0-2147483647 s; "perRequestTimeout can only be set if
 *   Service Connect appProtocol isn't TCP".
 * - API_ServiceConnectTlsCertificateAuthority: an AWS Private CA ARN.
 * - Developer guide, "Service Connect considerations": Fargate platform 1.4.0 or later; the task
 *   memory limit must be set and exceed the sum of container memory limits; AWS recommends leaving
 *   256 CPU units and at least 64 MiB of the task for the proxy.
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html
 */

const NAME_64 = /^[a-z0-9_][a-z0-9_-]{0,63}$/;
const DNS_NAME = /^[a-z0-9_][a-z0-9_.-]{0,126}$/;
const MAX_TIMEOUT = 2147483647;
export const APP_PROTOCOLS = ["http", "http2", "grpc"] as const;

/** What the proxy needs of a task (developer guide: add 256 CPU units and at least 64 MiB). */
export const SERVICE_CONNECT_PROXY = { cpu: 256, memoryMiB: 64 } as const;

/**
 * The name ECS gives an endpoint's Cloud Map service, and the name and port its clients use:
 * `discoveryName` defaults to the port name, the client alias's `dnsName` to
 * `<discoveryName>.<namespace>` (API_ServiceConnectService, API_ServiceConnectClientAlias).
 */
export function serviceConnectEndpointNames(service: ServiceConnectServiceShape, namespaceName: string): { discoveryName?: string; dnsName?: string; port?: number } {
    const discoveryName = typeof service.discoveryName === "string" ? service.discoveryName : typeof service.portName === "string" ? service.portName : undefined;
    const alias = Array.isArray(service.clientAlias) && service.clientAlias.length === 1 && isRecord(service.clientAlias[0]) ? service.clientAlias[0] : undefined;
    const dnsName = typeof alias?.dnsName === "string" ? alias.dnsName : discoveryName === undefined ? undefined : `${discoveryName}.${namespaceName}`;
    return { discoveryName, dnsName, port: typeof alias?.port === "number" ? alias.port : undefined };
}

/** How a client task calls an endpoint: through its proxy, at the client alias (`http://<dnsName>:<port>`). */
export function serviceConnectUrl(dnsName: string, port: number): string {
    return `http://${dnsName}:${port}`;
}

/** A port mapping as Service Connect reads it. */
export interface NamedPortMappingShape {
    readonly containerPort?: unknown;
    readonly name?: unknown;
    readonly appProtocol?: unknown;
}

/** One `services[]` entry of a service's Service Connect configuration (`@pulumi/aws` input names). */
export interface ServiceConnectServiceShape {
    readonly portName?: unknown;
    readonly discoveryName?: unknown;
    readonly clientAlias?: readonly { readonly port?: unknown; readonly dnsName?: unknown }[] | unknown;
    readonly timeout?: unknown;
    readonly tls?: unknown;
}

/** Checks a port mapping's Service Connect fields: its name and app protocol. */
export function checkPortMappingName(value: unknown, path: string): Finding[] {
    const mapping: NamedPortMappingShape = isRecord(value) ? value : {};
    const findings: Finding[] = [];
    if (mapping.name !== undefined && (typeof mapping.name !== "string" || !NAME_64.test(mapping.name))) {
        findings.push({
            rule: "ecs-port-mapping-name",
            path: keyPath(path, "name"),
            message: `${describeValue(mapping.name)} is not a port name: up to 64 lowercase letters, digits, "_" and "-", not starting with "-" (ECS API, PortMapping).`,
            fix: 'Use a name such as "http".',
        });
    }
    if (mapping.appProtocol !== undefined && !(APP_PROTOCOLS as readonly unknown[]).includes(mapping.appProtocol)) {
        findings.push({
            rule: "ecs-port-mapping-app-protocol",
            path: keyPath(path, "appProtocol"),
            message: `${describeValue(mapping.appProtocol)} is not an application protocol ECS knows (values are case-sensitive); unset means plain TCP (ECS API, PortMapping).`,
            fix: "Use http, http2 or grpc, or leave it unset.",
        });
    }
    return findings;
}

/**
 * Checks one Service Connect service against the task's port mappings: the port name exists,
 * exactly one client alias with a valid port and name, timeouts in range (per-request ones only
 * for HTTP-like protocols), a Private CA for TLS.
 */
export function checkServiceConnectService(value: unknown, portMappings: readonly NamedPortMappingShape[] | undefined, path: string): Finding[] {
    const rule = "ecs-service-connect-service";
    if (!isRecord(value)) {
        return [{ rule, path, message: `${describeValue(value)} is not a Service Connect service.`, fix: "Pass { portName, clientAlias: [{ port }] }." }];
    }
    const service = value as ServiceConnectServiceShape;
    const findings: Finding[] = [];
    const mapping = portMappings?.find((m) => m.name === service.portName);
    if (typeof service.portName !== "string" || service.portName === "") {
        findings.push({ rule, path: keyPath(path, "portName"), message: "No port name is given, so ECS cannot tell which port callers reach (ECS API, ServiceConnectService).", fix: "Name a port mapping of the container and give that name." });
    } else if (portMappings !== undefined && mapping === undefined) {
        const names = portMappings.map((m) => m.name).filter((n) => n !== undefined);
        findings.push({
            rule,
            path: keyPath(path, "portName"),
            message: `No port mapping of the task is named ${describeValue(service.portName)} (named: ${names.map(describeValue).join(", ") || "none"}).`,
            fix: "Give the container's port mapping that name, or use one of the names above.",
        });
    }
    if (service.discoveryName !== undefined && (typeof service.discoveryName !== "string" || !NAME_64.test(service.discoveryName))) {
        findings.push({
            rule, path: keyPath(path, "discoveryName"),
            message: `${describeValue(service.discoveryName)} is not a discovery name: up to 64 lowercase letters, digits, "_" and "-", not starting with "-" (ECS API, ServiceConnectService).`,
            fix: 'Use the service\'s name, e.g. "inventory-manager".',
        });
    }
    const aliases = Array.isArray(service.clientAlias) ? service.clientAlias : service.clientAlias === undefined ? [] : [service.clientAlias];
    if (aliases.length !== 1) {
        findings.push({
            rule: "ecs-service-connect-client-alias",
            path: keyPath(path, "clientAlias"),
            message: `A Service Connect service takes exactly one client alias (at most one, and at least one with a port); this one has ${aliases.length} (ECS API, ServiceConnectService).`,
            fix: "Give one client alias: the port (and name) callers use.",
        });
    }
    aliases.forEach((value: unknown, i) => {
        const alias = isRecord(value) ? value : {};
        const aliasPath = itemPath(keyPath(path, "clientAlias"), i);
        if (!Number.isInteger(alias.port) || (alias.port as number) < 0 || (alias.port as number) > 65535) {
            findings.push({ rule: "ecs-service-connect-client-alias", path: keyPath(aliasPath, "port"), message: `${describeValue(alias.port)} is not a port (0-65535, ECS API, ServiceConnectClientAlias).`, fix: "Use the port callers connect to, e.g. 80." });
        }
        if (alias.dnsName !== undefined && (typeof alias.dnsName !== "string" || !DNS_NAME.test(alias.dnsName))) {
            findings.push({
                rule: "ecs-service-connect-client-alias",
                path: keyPath(aliasPath, "dnsName"),
                message: `${describeValue(alias.dnsName)} is not a client alias name: up to 127 lowercase letters, digits, "_", "-" and ".", not starting with "-" (ECS API, ServiceConnectClientAlias).`,
                fix: 'Use a short name such as "inventory-manager".',
            });
        }
    });
    const timeout = isRecord(service.timeout) ? service.timeout : {};
    for (const key of ["idleTimeoutSeconds", "perRequestTimeoutSeconds"] as const) {
        const value = timeout[key];
        if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_TIMEOUT)) {
            findings.push({ rule: "ecs-service-connect-timeout", path: keyPath(keyPath(path, "timeout"), key), message: `${describeValue(value)} is not a whole number of seconds from 0 to ${MAX_TIMEOUT} (ECS API, TimeoutConfiguration).`, fix: "Use whole seconds; 0 turns the timeout off." });
        }
    }
    if (timeout.perRequestTimeoutSeconds !== undefined && mapping !== undefined && mapping.appProtocol === undefined) {
        findings.push({
            rule: "ecs-service-connect-timeout",
            path: keyPath(keyPath(path, "timeout"), "perRequestTimeoutSeconds"),
            message: "A per-request timeout needs an HTTP-like application protocol; without one the port is plain TCP, which takes only an idle timeout (ECS API, TimeoutConfiguration).",
            fix: "Give the port an application protocol (http, http2 or grpc), or use the idle timeout only.",
        });
    }
    if (service.tls !== undefined) {
        const tls = isRecord(service.tls) ? service.tls : {};
        const issuer = isRecord(tls.issuerCertAuthority) ? tls.issuerCertAuthority : {};
        findings.push(...checkPrivateCaArn(issuer.awsPcaAuthorityArn, keyPath(path, "tls")));
    }
    return findings;
}

/**
 * A DNS registration and Service Connect side by side: ECS allows both on one service, but Service
 * Connect creates a Cloud Map service named after its discovery name, which must be unique in the
 * namespace — so it cannot share the name of the service the tasks register in for DNS.
 */
export function checkServiceConnectBesideRegistry(
    registry: { readonly namespaceName: string; readonly serviceName: string },
    serviceConnect: { readonly namespaceName: string; readonly discoveryName: string },
    path: string,
): Finding[] {
    // A DNS registry lives in a DNS namespace, whose names (and the namespace's own) ignore case.
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    if (!same(registry.namespaceName, serviceConnect.namespaceName) || !same(registry.serviceName, serviceConnect.discoveryName)) {
        return [];
    }
    return [{
        rule: "ecs-service-connect-beside-registry",
        path,
        message: `Service Connect would create a Cloud Map service ${describeValue(serviceConnect.discoveryName)} in ${serviceConnect.namespaceName}, where the tasks already register for DNS under that name; Cloud Map names are unique in a namespace.`,
        fix: "Give Service Connect another discovery name, or use Service Connect in another namespace.",
    }];
}

/**
 * Room for the Service Connect proxy in a task: the task memory must be set and exceed what the
 * containers reserve by at least the proxy's 64 MiB (ECS adds the proxy container into the task's
 * limits; it cannot be sized separately). `containerMemory` lists each container's hard limit,
 * undefined where a container sets none (it then shares the task's memory with the proxy).
 */
export function checkServiceConnectHeadroom(taskMemoryMiB: unknown, containerMemory: readonly unknown[], path: string): Finding[] {
    const rule = "ecs-service-connect-proxy-memory";
    if (taskMemoryMiB === undefined || taskMemoryMiB === null || taskMemoryMiB === "") {
        return [{ rule, path, message: "The task sets no memory limit; Service Connect needs one to fit its proxy (ECS developer guide, Service Connect considerations).", fix: "Set the task's memory (Fargate always has one)." }];
    }
    const memory = typeof taskMemoryMiB === "string" && taskMemoryMiB.trim() !== "" ? Number(taskMemoryMiB) : taskMemoryMiB;
    if (typeof memory !== "number" || !Number.isFinite(memory)) {
        return []; // a memory that is not a number is the task size rules' to report (and the provider's to reject)
    }
    // A limit that is not a finite number (NaN from a JavaScript caller) is the memory rules' to report: no verdict on it here.
    const limits = containerMemory.filter((m): m is number => typeof m === "number" && Number.isFinite(m));
    if (limits.length < containerMemory.length) {
        return [];
    }
    const reserved = limits.reduce((sum, m) => sum + m, 0);
    if (memory - reserved < SERVICE_CONNECT_PROXY.memoryMiB) {
        return [{
            rule, path,
            message: `The containers take ${reserved} of the task's ${memory} MiB, leaving ${memory - reserved} MiB for the Service Connect proxy, which needs at least ${SERVICE_CONNECT_PROXY.memoryMiB} MiB (ECS developer guide, Service Connect considerations).`,
            fix: `Raise the task memory or lower the containers' limits so ${SERVICE_CONNECT_PROXY.memoryMiB} MiB stay free.`,
        }];
    }
    return [];
}

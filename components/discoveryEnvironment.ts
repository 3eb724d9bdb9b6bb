import { Finding, serviceConnectUrl } from "./rules";

/** What a caller needs to know to find one dependency. */
export interface DiscoveryTarget {
    /** Cloud Map service name, e.g. `inventory-manager`. */
    readonly serviceName: string;
    readonly namespaceName: string;
    /** Record types of the service; empty for API-only services. */
    readonly dnsRecordTypes: readonly string[];
    /** The port the callee listens on, when it is a network service. */
    readonly port?: number;
    /** For a callee reached through Service Connect: its client alias, used instead of DNS names. */
    readonly clientAlias?: { readonly dnsName: string; readonly port: number };
}

/** `inventory-manager` → `INVENTORY_MANAGER`. */
export function environmentPrefix(serviceName: string): string {
    return serviceName.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/** The variables that announce one dependency. */
function variablesOf(target: DiscoveryTarget): Record<string, string> {
    const prefix = environmentPrefix(target.serviceName);
    const fqdn = `${target.serviceName}.${target.namespaceName}`;
    if (target.clientAlias !== undefined) {
        const { dnsName, port } = target.clientAlias;
        return { [`${prefix}_URL`]: serviceConnectUrl(dnsName, port), [`${prefix}_HOST`]: dnsName, [`${prefix}_PORT`]: String(port) };
    }
    if (target.dnsRecordTypes.length === 0) {
        return { [`${prefix}_NAMESPACE`]: target.namespaceName, [`${prefix}_SERVICE`]: target.serviceName };
    }
    return {
        ...(target.dnsRecordTypes.includes("SRV") ? { [`${prefix}_SRV_NAME`]: fqdn } : {}),
        ...(target.dnsRecordTypes.some((t) => t === "A" || t === "AAAA") ? { [`${prefix}_HOST`]: fqdn } : {}),
        ...(target.port !== undefined ? { [`${prefix}_PORT`]: String(target.port) } : {}),
    };
}

/**
 * Environment variables that tell a caller how to reach its dependencies, so no
 * address is hard-coded in application code:
 * - SRV services: `<NAME>_SRV_NAME` (resolve it for host and port);
 * - A/AAAA services: `<NAME>_HOST` and `<NAME>_PORT`;
 * - API-only services: `<NAME>_NAMESPACE` and `<NAME>_SERVICE`, the arguments of DiscoverInstances;
 * - Service Connect endpoints: `<NAME>_URL` (`http://<alias>:<port>`), `<NAME>_HOST` and `<NAME>_PORT`.
 */
export function discoveryEnvironment(targets: readonly DiscoveryTarget[]): Record<string, string> {
    return Object.assign({}, ...targets.map(variablesOf));
}

/**
 * Refuses a dependency whose variables would silently lose a value: one whose name maps to the
 * same variable prefix as a dependency already announced, or whose variables would overwrite
 * one of the caller's own (`ownKeys`: its environment and secrets). `path` names the argument
 * the dependency came from.
 */
export function checkNewDiscoveryTarget(existing: readonly DiscoveryTarget[], target: DiscoveryTarget, ownKeys: readonly string[], path: string): Finding[] {
    const prefix = environmentPrefix(target.serviceName);
    const fqdn = `${target.serviceName}.${target.namespaceName}`;
    const clash = existing.find((other) => environmentPrefix(other.serviceName) === prefix);
    if (clash !== undefined) {
        return [{
            rule: "discovery-environment-collision",
            path,
            message: `${clash.serviceName}.${clash.namespaceName} and ${fqdn} would both be announced as ${prefix}_*, so one would hide the other.`,
            fix: "Depend on only one of them, or rename one of the services.",
        }];
    }
    return Object.keys(variablesOf(target)).filter((key) => ownKeys.includes(key)).map((key) => ({
        rule: "discovery-environment-collision",
        path,
        message: `${key} is both a variable of the container's own and the discovery variable for ${fqdn}, which would overwrite it.`,
        fix: `Rename the container's ${key}; discovery variables are set for every service it calls or reads.`,
    }));
}

import { Finding } from "./rules";

/** What a caller needs to know to find one dependency. */
export interface DiscoveryTarget {
    /** Cloud Map service name, e.g. `inventory-manager`. */
    readonly serviceName: string;
    readonly namespaceName: string;
    /** Record types of the service; empty for API-only services. */
    readonly dnsRecordTypes: readonly string[];
    /** The port the callee listens on, when it is a network service. */
    readonly port?: number;
}

/** `inventory-manager` → `INVENTORY_MANAGER`. */
export function environmentPrefix(serviceName: string): string {
    return serviceName.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/**
 * Environment variables that tell a caller how to reach its dependencies, so no
 * address is hard-coded in application code:
 * - SRV services: `<NAME>_SRV_NAME` (resolve it for host and port);
 * - A/AAAA services: `<NAME>_HOST` and `<NAME>_PORT`;
 * - API-only services: `<NAME>_NAMESPACE` and `<NAME>_SERVICE`, the arguments of DiscoverInstances.
 */
export function discoveryEnvironment(targets: readonly DiscoveryTarget[]): Record<string, string> {
    const env: Record<string, string> = {};
    for (const target of targets) {
        const prefix = environmentPrefix(target.serviceName);
        const fqdn = `${target.serviceName}.${target.namespaceName}`;
        if (target.dnsRecordTypes.length === 0) {
            env[`${prefix}_NAMESPACE`] = target.namespaceName;
            env[`${prefix}_SERVICE`] = target.serviceName;
            continue;
        }
        if (target.dnsRecordTypes.includes("SRV")) {
            env[`${prefix}_SRV_NAME`] = fqdn;
        }
        if (target.dnsRecordTypes.some((t) => t === "A" || t === "AAAA")) {
            env[`${prefix}_HOST`] = fqdn;
        }
        if (target.port !== undefined) {
            env[`${prefix}_PORT`] = String(target.port);
        }
    }
    return env;
}

/**
 * Refuses environments that would silently lose a value: two dependencies whose names map
 * to the same variable prefix, or a variable of the caller's own that a discovery variable
 * would overwrite.
 */
export function checkDiscoveryEnvironment(targets: readonly DiscoveryTarget[], ownKeys: readonly string[]): Finding[] {
    const findings: Finding[] = [];
    const byPrefix = new Map<string, string>();
    for (const target of targets) {
        const prefix = environmentPrefix(target.serviceName);
        const fqdn = `${target.serviceName}.${target.namespaceName}`;
        const other = byPrefix.get(prefix);
        if (other !== undefined) {
            findings.push({
                rule: "discovery-environment-collision",
                path: "talksTo",
                message: `${other} and ${fqdn} would both be announced as ${prefix}_*, so one would hide the other.`,
                fix: "Depend on only one of them, or rename one of the services.",
            });
        }
        byPrefix.set(prefix, fqdn);
    }
    const generated = new Set(Object.keys(discoveryEnvironment(targets)));
    for (const key of ownKeys.filter((k) => generated.has(k))) {
        findings.push({
            rule: "discovery-environment-collision",
            path: `container.environment.${key}`,
            message: `${key} is also a discovery variable for a dependency, which would overwrite it.`,
            fix: "Rename the variable; discovery variables are set for every talksTo and reads entry.",
        });
    }
    return findings;
}

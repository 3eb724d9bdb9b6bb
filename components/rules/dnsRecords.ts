import { CloudMapServiceShape, NamespaceKind } from "./cloudMapShapes";
import { at, Finding } from "./finding";
import { itemPath } from "./paths";
import { describeValue, isRecord, kindOf } from "./values";

/**
 * Default ceiling for record TTLs, shared by the components and the policy pack.
 * Discovery answers go stale for up to one TTL after a task stops, so anything above
 * a minute makes rolling deployments visibly slower to converge.
 */
export const DEFAULT_MAX_TTL_SECONDS = 60;

// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html: TTL is a Long in
// [0, 2147483647]; Type is one of SRV | A | AAAA | CNAME (enum values are case-sensitive).
const MAX_AWS_TTL = 2147483647;
const RECORD_SOURCE = "Cloud Map API, DnsRecord";
const KNOWN_TYPES = ["SRV", "A", "AAAA", "CNAME"];

// API_DnsRecord lists A, AAAA, A+AAAA, SRV and CNAME. A+SRV is also accepted by the
// service and is what ECS service discovery creates when a task needs both a host
// record and a port, so it is allowed here as well.
const ALLOWED_COMBINATIONS = ["A", "AAAA", "A+AAAA", "SRV", "A+SRV", "CNAME"];

// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsConfig.html: RoutingPolicy is
// MULTIVALUE | WEIGHTED (default MULTIVALUE), DnsRecords is required.
const ROUTING_POLICIES = ["MULTIVALUE", "WEIGHTED"];
const CONFIG_SOURCE = "Cloud Map API, DnsConfig";

/** Records in a fixed order and joined, e.g. `A+SRV`; only called once every type is known. */
function combinationOf(types: readonly string[]): string {
    const order = ["A", "AAAA", "SRV", "CNAME"];
    return [...types].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join("+");
}

/** The records of a DNS config as a list of whatever was passed, or `undefined` when they are not a list. */
function recordsOf(dnsConfig: Record<string, unknown>): unknown[] | undefined {
    const records = dnsConfig.dnsRecords ?? [];
    return Array.isArray(records) ? records : undefined;
}

/** Checks one TTL against AWS's range: a whole number of seconds (not text) from 0 to 2147483647. */
export function checkTtlRange(ttl: unknown, path: string): Finding[] {
    if (typeof ttl === "number" && Number.isInteger(ttl) && ttl >= 0 && ttl <= MAX_AWS_TTL) {
        return [];
    }
    const text = typeof ttl === "string" ? " (it is text, not a number)" : "";
    return [{
        rule: "cloudmap-dns-ttl-range",
        path,
        message: ttl === undefined
            ? `The record has no TTL; AWS requires a whole number of seconds between 0 and ${MAX_AWS_TTL} (${RECORD_SOURCE}).`
            : `TTL ${describeValue(ttl)} is not a whole number of seconds between 0 and ${MAX_AWS_TTL}${text} (${RECORD_SOURCE}).`,
        fix: "Use a small whole number of seconds such as 10.",
    }];
}

/**
 * Flags every record whose TTL is above `maxTtlSeconds`. Only numeric TTLs are compared; a
 * TTL that is not a number is {@link checkTtlRange}'s to report.
 */
export function checkTtlCeiling(
    records: unknown,
    maxTtlSeconds: number,
    path = "dnsConfig.dnsRecords",
    /** How the reader raises the ceiling, in their own terms (a component's argument, the pack's config). */
    raising = "raise the ceiling in the components and in the policy pack's configuration together",
): Finding[] {
    if (!Array.isArray(records)) {
        return [];
    }
    return records.flatMap((record: unknown, i) => {
        const ttl = isRecord(record) ? record.ttl : undefined;
        return typeof ttl === "number" && ttl > maxTtlSeconds
            ? [{
                rule: "cloudmap-dns-ttl-ceiling",
                path: at(itemPath(path, i), "ttl"),
                message: `The ${String(isRecord(record) ? record.type : "")} record's TTL is ${ttl} s, above the ` +
                    `${maxTtlSeconds} s ceiling; resolvers would keep answering with stopped tasks for that long.`,
                fix: `Set the TTL to ${maxTtlSeconds} s or less (10 s suits ECS tasks that come and go), or ${raising}.`,
            }]
            : [];
    });
}

/** Checks the records and routing policy of a DNS-discoverable service. */
export function checkDnsConfig(dnsConfig: unknown, path = "dnsConfig"): Finding[] {
    if (!isRecord(dnsConfig)) {
        return [{
            rule: "cloudmap-dns-records-required",
            path,
            message: `The DNS settings are ${kindOf(dnsConfig)}; a DNS service needs at least one record (${CONFIG_SOURCE}).`,
            fix: "Give the service its records (SRV carries the port), or make it API-only.",
        }];
    }
    const findings: Finding[] = [];
    const records = recordsOf(dnsConfig);
    const routing = dnsConfig.routingPolicy ?? "MULTIVALUE";
    const recordsPath = at(path, "dnsRecords");

    if (records === undefined || records.length === 0) {
        return [{
            rule: "cloudmap-dns-records-required",
            path: recordsPath,
            message: `A DNS service needs at least one record; got ${records === undefined ? kindOf(dnsConfig.dnsRecords) : "none"} (${CONFIG_SOURCE}).`,
            fix: "Add a record (SRV carries the port, so callers need not know it), or make the service API-only.",
        }];
    }
    const types: string[] = [];
    records.forEach((record: unknown, i) => {
        const type = isRecord(record) ? record.type : undefined;
        if (typeof type === "string" && KNOWN_TYPES.includes(type)) {
            types.push(type);
        } else {
            const near = typeof type === "string" && KNOWN_TYPES.includes(type.toUpperCase())
                ? ` Record types are case-sensitive: use "${type.toUpperCase()}".`
                : "";
            findings.push({
                rule: "cloudmap-dns-record-type",
                path: at(itemPath(recordsPath, i), "type"),
                message: `${type === undefined ? "The record has no type" : `${describeValue(type)} is not a record type Cloud Map can create`}; ` +
                    `it accepts exactly ${KNOWN_TYPES.join(", ")} (${RECORD_SOURCE}).${near}`,
                fix: `Use ${KNOWN_TYPES.join(", ")}, in capitals.`,
            });
        }
        findings.push(...checkTtlRange(isRecord(record) ? record.ttl : undefined, at(itemPath(recordsPath, i), "ttl")));
    });
    if (typeof routing !== "string" || !ROUTING_POLICIES.includes(routing)) {
        findings.push({
            rule: "cloudmap-dns-routing-policy",
            path: at(path, "routingPolicy"),
            message: `${describeValue(routing)} is not a Cloud Map routing policy; it accepts exactly ${ROUTING_POLICIES.join(" or ")} (${CONFIG_SOURCE}).`,
            fix: "Use MULTIVALUE (up to eight healthy answers) or WEIGHTED (one random answer).",
        });
    }
    if (findings.length > 0) {
        return findings;
    }
    const combination = combinationOf(types);
    if (combination.includes("CNAME") && combination !== "CNAME") {
        findings.push({
            rule: "cloudmap-dns-cname-alone",
            path: recordsPath,
            message: `A CNAME record cannot be combined with other records (got ${combination}) (${RECORD_SOURCE}).`,
            fix: "Use a CNAME record alone, or drop it and keep the other records.",
        });
    } else if (!ALLOWED_COMBINATIONS.includes(combination)) {
        findings.push({
            rule: "cloudmap-dns-record-combination",
            path: recordsPath,
            message: `The record types ${combination} are not a combination Cloud Map accepts (${RECORD_SOURCE}).`,
            fix: `Use one of: ${ALLOWED_COMBINATIONS.join(", ")} (each type at most once).`,
        });
    }
    if (combination === "CNAME" && routing !== "WEIGHTED") {
        findings.push({
            rule: "cloudmap-dns-cname-weighted",
            path: at(path, "routingPolicy"),
            message: `A CNAME record requires WEIGHTED routing; ${routing} is rejected by Cloud Map (${RECORD_SOURCE}).`,
            fix: "Use WEIGHTED routing, or SRV/A records with MULTIVALUE routing.",
        });
    }
    return findings;
}

// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html: Type "HTTP" is the
// only value a caller may set (DNS and DNS_HTTP are what AWS reports for DNS services).
const SERVICE_TYPES = ["HTTP", "DNS", "DNS_HTTP"];

/**
 * Checks that a service is either DNS-discoverable or API-only, and that the namespace can
 * serve that kind: HTTP namespaces have no hosted zone, so their services cannot have records.
 */
export function checkDiscoveryMode(service: CloudMapServiceShape, namespaceKind?: NamespaceKind, path = ""): Finding[] {
    const type: unknown = service.type;
    if (type !== undefined && (typeof type !== "string" || !SERVICE_TYPES.includes(type))) {
        return [{
            rule: "cloudmap-service-type",
            path: at(path, "type"),
            message: `${describeValue(type)} is not a Cloud Map service type; the only one you can set is "HTTP", which makes the service API-only (Cloud Map API, CreateService).`,
            fix: 'Leave the type unset for a DNS service, or use "HTTP" for an API-only service.',
        }];
    }
    if (type === "HTTP" && service.dnsConfig !== undefined) {
        return [{
            rule: "cloudmap-api-only-no-dns",
            path: at(path, "dnsConfig"),
            message: "An API-only service cannot have DNS records: it is found with DiscoverInstances only (Cloud Map API, CreateService).",
            fix: "Remove the DNS records, or make the service DNS-discoverable instead of API-only.",
        }];
    }
    if (namespaceKind === "http" && service.dnsConfig !== undefined) {
        return [{
            rule: "cloudmap-http-namespace-no-dns",
            path: at(path, "dnsConfig"),
            message: "A service in an HTTP namespace cannot have DNS records: the namespace has no hosted zone (Cloud Map API, CreateService).",
            fix: "Remove the DNS records (the service is then API-only), or move the service to a DNS namespace.",
        }];
    }
    return service.dnsConfig !== undefined ? checkDnsConfig(service.dnsConfig, at(path, "dnsConfig")) : [];
}

import { CloudMapServiceShape, DnsConfigShape, DnsRecordShape, NamespaceKind } from "./cloudMapShapes";
import { at, Finding } from "./finding";

/**
 * Default ceiling for record TTLs, shared by the components and the policy pack.
 * Discovery answers go stale for up to one TTL after a task stops, so anything above
 * a minute makes rolling deployments visibly slower to converge.
 */
export const DEFAULT_MAX_TTL_SECONDS = 60;

// API_DnsRecord: TTL is a Long in [0, 2147483647].
const MAX_AWS_TTL = 2147483647;

// API_DnsRecord lists A, AAAA, A+AAAA, SRV and CNAME. A+SRV is also accepted by the
// service and is what ECS service discovery creates when a task needs both a host
// record and a port, so it is allowed here as well.
const ALLOWED_COMBINATIONS = ["A", "AAAA", "A+AAAA", "SRV", "A+SRV", "CNAME"];
const KNOWN_TYPES = new Set(["SRV", "A", "AAAA", "CNAME"]);
const ROUTING_POLICIES = new Set(["MULTIVALUE", "WEIGHTED"]);

function combinationOf(records: readonly DnsRecordShape[]): string {
    const order = ["A", "AAAA", "SRV", "CNAME"];
    return records
        .map((r) => String(r.type).toUpperCase())
        .sort((a, b) => order.indexOf(a) - order.indexOf(b))
        .join("+");
}

/** Checks one TTL against AWS's range. */
export function checkTtlRange(ttl: number, path: string): Finding[] {
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_AWS_TTL) {
        return [{
            rule: "cloudmap-dns-ttl-range",
            path,
            message: `TTL ${ttl} is not a whole number of seconds between 0 and ${MAX_AWS_TTL} (API_DnsRecord).`,
            fix: "Use a small whole number of seconds such as 10.",
        }];
    }
    return [];
}

/** Flags every record whose TTL is above `maxTtlSeconds`. */
export function checkTtlCeiling(
    records: readonly DnsRecordShape[],
    maxTtlSeconds: number,
    path = "dnsConfig.dnsRecords",
): Finding[] {
    return records.flatMap((record, i) =>
        record.ttl > maxTtlSeconds
            ? [{
                rule: "cloudmap-dns-ttl-ceiling",
                path: at(path, `[${i}].ttl`),
                message: `The ${String(record.type).toUpperCase()} record's TTL is ${record.ttl} s, above the ` +
                    `${maxTtlSeconds} s ceiling; resolvers would keep answering with stopped tasks for that long.`,
                fix: `Set the TTL to ${maxTtlSeconds} s or less (10 s suits ECS tasks that come and go).`,
            }]
            : [],
    );
}

/** Checks the records and routing policy of a DNS-discoverable service. */
export function checkDnsConfig(dnsConfig: DnsConfigShape, path = "dnsConfig"): Finding[] {
    const findings: Finding[] = [];
    const records = dnsConfig.dnsRecords ?? [];
    const routing = dnsConfig.routingPolicy ?? "MULTIVALUE";
    const recordsPath = at(path, "dnsRecords");

    if (records.length === 0) {
        findings.push({
            rule: "cloudmap-dns-records-required",
            path: recordsPath,
            message: "A DNS service needs at least one record (API_DnsConfig DnsRecords is required).",
            fix: 'Add a record such as { type: "SRV", ttl: 10 }, or make the service API-only.',
        });
        return findings;
    }
    records.forEach((record, i) => {
        const type = String(record.type).toUpperCase();
        if (!KNOWN_TYPES.has(type)) {
            findings.push({
                rule: "cloudmap-dns-record-type",
                path: at(recordsPath, `[${i}].type`),
                message: `"${record.type}" is not a record type Cloud Map can create.`,
                fix: "Use SRV, A, AAAA or CNAME.",
            });
        }
        findings.push(...checkTtlRange(record.ttl, at(recordsPath, `[${i}].ttl`)));
    });
    if (!ROUTING_POLICIES.has(routing)) {
        findings.push({
            rule: "cloudmap-dns-routing-policy",
            path: at(path, "routingPolicy"),
            message: `"${routing}" is not a Cloud Map routing policy.`,
            fix: "Use MULTIVALUE (up to eight healthy answers) or WEIGHTED (one random answer).",
        });
    }
    if (findings.length > 0) {
        return findings;
    }
    const combination = combinationOf(records);
    if (combination.includes("CNAME") && combination !== "CNAME") {
        findings.push({
            rule: "cloudmap-dns-cname-alone",
            path: recordsPath,
            message: `A CNAME record cannot be combined with other records (got ${combination}).`,
            fix: "Use a CNAME record alone, or drop it and keep the other records.",
        });
    } else if (!ALLOWED_COMBINATIONS.includes(combination)) {
        findings.push({
            rule: "cloudmap-dns-record-combination",
            path: recordsPath,
            message: `The record types ${combination} are not a combination Cloud Map accepts.`,
            fix: `Use one of: ${ALLOWED_COMBINATIONS.join(", ")} (each type at most once).`,
        });
    }
    if (combination === "CNAME" && routing !== "WEIGHTED") {
        findings.push({
            rule: "cloudmap-dns-cname-weighted",
            path: at(path, "routingPolicy"),
            message: `A CNAME record requires WEIGHTED routing; ${routing} is rejected by Cloud Map (API_DnsRecord).`,
            fix: 'Set routingPolicy to "WEIGHTED", or use SRV/A records with MULTIVALUE routing.',
        });
    }
    return findings;
}

/**
 * Checks that a service is either DNS-discoverable or API-only, and that the namespace can
 * serve that kind: HTTP namespaces have no hosted zone, so their services cannot have records.
 */
export function checkDiscoveryMode(service: CloudMapServiceShape, namespaceKind?: NamespaceKind, path = ""): Finding[] {
    const apiOnly = service.type === "HTTP";
    if (service.type !== undefined && !["HTTP", "DNS", "DNS_HTTP"].includes(service.type)) {
        return [{
            rule: "cloudmap-service-type",
            path: at(path, "type"),
            message: `"${service.type}" is not a Cloud Map service type; the only value you can set is "HTTP".`,
            fix: 'Leave type unset for a DNS service, or set "HTTP" for an API-only service.',
        }];
    }
    if (apiOnly && service.dnsConfig !== undefined) {
        return [{
            rule: "cloudmap-api-only-no-dns",
            path: at(path, "dnsConfig"),
            message: 'An API-only service (type "HTTP") cannot have DNS records.',
            fix: "Remove dnsConfig, or remove type to make the service DNS-discoverable.",
        }];
    }
    if (namespaceKind === "http" && service.dnsConfig !== undefined) {
        return [{
            rule: "cloudmap-http-namespace-no-dns",
            path: at(path, "dnsConfig"),
            message: "A service in an HTTP namespace cannot have DNS records: the namespace has no hosted zone.",
            fix: "Remove dnsConfig, or move the service to a private DNS namespace.",
        }];
    }
    return service.dnsConfig !== undefined ? checkDnsConfig(service.dnsConfig, at(path, "dnsConfig")) : [];
}

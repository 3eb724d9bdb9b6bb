import { CloudMapServiceRef, NamespaceRef } from "./refs";
import { checkBoolean, checkOneOf, DnsRecordType, enumValues, Finding, NamespaceKind } from "./rules";

/**
 * Plain copies of references. A component that keeps what it was given (as an output, or to
 * pass on) keeps these copies, never the instance it may have been handed: an output must be
 * plain data, and another language only ever sends plain data.
 */

export function namespaceRefOf(namespace: NamespaceRef): NamespaceRef {
    return { name: namespace.name, namespaceId: namespace.namespaceId, namespaceArn: namespace.namespaceArn, kind: namespace.kind };
}

export function cloudMapServiceRefOf(service: CloudMapServiceRef): CloudMapServiceRef {
    return {
        name: service.name,
        namespaceName: service.namespaceName,
        serviceArn: service.serviceArn,
        serviceId: service.serviceId,
        namespaceArn: service.namespaceArn,
        namespaceKind: service.namespaceKind,
        apiOnly: service.apiOnly ?? false,
        dnsRecordTypes: recordTypesOfRef(service),
        route53HealthCheck: service.route53HealthCheck ?? false,
    };
}

/**
 * The flags and enums of a Cloud Map service reference, which decide what an edge, a grant or a
 * registration is: another language can send "true" or "srv", which must not read as false or SRV.
 */
export function checkCloudMapServiceRef(service: unknown, path: string): Finding[] {
    if (service === null || typeof service !== "object") {
        return [];
    }
    const ref = service as Record<string, unknown>;
    return [
        ...(["apiOnly", "route53HealthCheck"] as const).flatMap((flag) => (ref[flag] === undefined ? [] : checkBoolean(ref[flag], `${path}.${flag}`))),
        ...(ref.namespaceKind === undefined ? [] : checkOneOf(ref.namespaceKind, enumValues(NamespaceKind), "cloudmap-namespace-kind", `${path}.namespaceKind`)),
        ...(ref.dnsRecordTypes === undefined ? [] : Array.isArray(ref.dnsRecordTypes)
            ? ref.dnsRecordTypes.flatMap((type, i) => checkOneOf(type, enumValues(DnsRecordType), "cloudmap-dns-record-type", `${path}.dnsRecordTypes[${i}]`))
            : [{ rule: "argument-type", path: `${path}.dnsRecordTypes`, message: "Must be a list of record types.", fix: 'Pass e.g. ["SRV"].' }]),
    ];
}

/** The record types a reference stands for: none for API-only services, SRV unless stated. */
export function recordTypesOfRef(service: CloudMapServiceRef): DnsRecordType[] {
    return service.apiOnly === true ? [] : [...(service.dnsRecordTypes ?? [DnsRecordType.SRV])];
}

/** `<service>.<namespace>`, the name a service is known by in messages and DNS. */
export function fqdnOf(service: CloudMapServiceRef): string {
    return `${service.name}.${service.namespaceName}`;
}

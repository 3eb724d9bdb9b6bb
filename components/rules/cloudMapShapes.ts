import { isRecord } from "./values";

/**
 * Plain shapes of the AWS resources the rules look at. Field names follow the
 * `@pulumi/aws` inputs, so the policy pack can pass resource properties straight in and
 * components can pass the arguments they are about to send.
 */
import { NamespaceKind } from "./enums";

export { NamespaceKind };

export interface DnsRecordShape {
    readonly type: string;
    readonly ttl: number;
}

export interface DnsConfigShape {
    readonly dnsRecords?: readonly DnsRecordShape[];
    readonly routingPolicy?: string;
}

export interface CloudMapServiceShape {
    readonly name?: string;
    /** `"HTTP"` makes the service API-only: discoverable with DiscoverInstances, no DNS records. */
    readonly type?: string;
    readonly dnsConfig?: DnsConfigShape;
    readonly healthCheckConfig?: Readonly<Record<string, unknown>>;
    readonly healthCheckCustomConfig?: { readonly failureThreshold?: number };
}

/** Maps a Pulumi resource type token to the namespace kind it creates. */
export function namespaceKindOfType(type: string): NamespaceKind | undefined {
    switch (type) {
        case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace":
            return "private-dns";
        case "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace":
            return "public-dns";
        case "aws:servicediscovery/httpNamespace:HttpNamespace":
            return "http";
        default:
            return undefined;
    }
}

/** True when the service is registered for API calls only (no DNS records). */
export function isApiOnly(service: CloudMapServiceShape): boolean {
    return service.type === "HTTP";
}

/**
 * The record types of a service exactly as they would be sent; empty for API-only services.
 * Not upper-cased: Cloud Map's record types are case-sensitive, so `"srv"` is not an SRV
 * record (the DNS record rules report it) and must not count as one anywhere else.
 */
export function recordTypesOf(service: CloudMapServiceShape): string[] {
    const records: unknown = service.dnsConfig?.dnsRecords;
    return Array.isArray(records) ? records.map((r: unknown) => String(isRecord(r) ? r.type : r)) : [];
}

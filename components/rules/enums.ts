/**
 * The closed sets of values component arguments take. Each is a `const` object plus a type of
 * its values: the one form Pulumi's schema inference turns into an enum for other languages
 * (a string-literal union would not infer), and the same object gives run-time checks the list
 * of allowed values, so a JavaScript or YAML caller's `"srv"` is refused rather than guessed at.
 */
import { Finding } from "./finding";
import { describeValue } from "./values";

/** DNS record types Cloud Map creates for a service (API_DnsRecord `Type`). */
export const DnsRecordType = {
    /** Host and port; what ECS tasks in `awsvpc` mode publish. */
    SRV: "SRV",
    /** IPv4 address. */
    A: "A",
    /** IPv6 address. */
    AAAA: "AAAA",
    /** Alias to another name; alone, with WEIGHTED routing only. */
    CNAME: "CNAME",
} as const;
export type DnsRecordType = (typeof DnsRecordType)[keyof typeof DnsRecordType];

/** How Cloud Map answers a DNS query when several instances are healthy (API_DnsConfig). */
export const RoutingPolicy = {
    /** Up to eight healthy instances per answer, so clients can fail over. */
    MULTIVALUE: "MULTIVALUE",
    /** One randomly chosen healthy instance per answer. */
    WEIGHTED: "WEIGHTED",
} as const;
export type RoutingPolicy = (typeof RoutingPolicy)[keyof typeof RoutingPolicy];

/** The kinds of Cloud Map namespace. */
export const NamespaceKind = {
    /** A private Route 53 hosted zone: names resolve inside the VPC only. */
    PrivateDns: "private-dns",
    /** A public Route 53 hosted zone: names resolve on the internet. */
    PublicDns: "public-dns",
    /** No hosted zone: instances are found with the DiscoverInstances API only. */
    Http: "http",
} as const;
export type NamespaceKind = (typeof NamespaceKind)[keyof typeof NamespaceKind];

/** Who tells Cloud Map whether an instance is healthy. */
export const HealthReporting = {
    /** ECS (or the registering code) reports health through a custom health check. */
    Ecs: "ecs",
    /** Nobody: instances count as healthy, or a Route 53 health check decides. */
    None: "none",
} as const;
export type HealthReporting = (typeof HealthReporting)[keyof typeof HealthReporting];

/** Route 53 health check protocols Cloud Map accepts (API_HealthCheckConfig `Type`). */
export const Route53HealthCheckType = {
    HTTP: "HTTP",
    HTTPS: "HTTPS",
    TCP: "TCP",
} as const;
export type Route53HealthCheckType = (typeof Route53HealthCheckType)[keyof typeof Route53HealthCheckType];

/** Fargate CPU architectures (RuntimePlatform `cpuArchitecture`). */
export const CpuArchitecture = {
    X86_64: "X86_64",
    ARM64: "ARM64",
} as const;
export type CpuArchitecture = (typeof CpuArchitecture)[keyof typeof CpuArchitecture];

/** Fargate capacity providers. */
export const FargateCapacityProvider = {
    FARGATE: "FARGATE",
    FARGATE_SPOT: "FARGATE_SPOT",
} as const;
export type FargateCapacityProvider = (typeof FargateCapacityProvider)[keyof typeof FargateCapacityProvider];

/** The effect of an IAM policy statement. */
export const PolicyEffect = {
    Allow: "Allow",
    Deny: "Deny",
} as const;
export type PolicyEffect = (typeof PolicyEffect)[keyof typeof PolicyEffect];

/** The values of a const enum object, for run-time membership checks. */
export function enumValues<T extends Record<string, string>>(values: T): readonly T[keyof T][] {
    return Object.values(values) as T[keyof T][];
}

/**
 * Refuses a value outside a closed set, comparing exactly as AWS does (case-sensitive), so a
 * caller from JavaScript, YAML or config learns that `"srv"` is not `"SRV"` before AWS says so.
 */
export function checkOneOf(value: unknown, allowed: readonly string[], rule: string, path: string): Finding[] {
    if (typeof value === "string" && allowed.includes(value)) {
        return [];
    }
    const near = typeof value === "string" ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
    return [{
        rule,
        path,
        message: `${describeValue(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}` +
            (near === undefined ? "." : " (values are case-sensitive)."),
        fix: near === undefined ? `Use one of ${allowed.join(", ")}.` : `Use "${near}".`,
    }];
}

/** How a service is found by its callers. */
export const DiscoveryMode = {
    /** Cloud Map DNS records (SRV/A) in a private hosted zone: resolvable by anything in the VPC. */
    Dns: "dns",
    /** ECS Service Connect: names only ECS tasks in the namespace resolve, through the Envoy proxy ECS adds to each task. */
    ServiceConnect: "service-connect",
} as const;
export type DiscoveryMode = (typeof DiscoveryMode)[keyof typeof DiscoveryMode];

/** Application protocols of a Service Connect port (PortMapping `appProtocol`); unset means TCP. */
export const AppProtocol = {
    http: "http",
    http2: "http2",
    grpc: "grpc",
} as const;
export type AppProtocol = (typeof AppProtocol)[keyof typeof AppProtocol];

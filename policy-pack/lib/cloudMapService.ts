import { PolicyResource } from "@pulumi/policy";
import { CloudMapServiceShape, DnsRecordShape, isApiOnly } from "../../components/rules";
import { asBlock, asBlocks, asNumber, asNumberForRule, asString, asStringForRule, Block, isUnset } from "./read";
import { copyKeepingUnknowns, isUnknownAt, Undecided } from "./unknowns";

/** A Cloud Map service as a policy sees it: a resource policy its inputs, a stack policy its outputs. */
type ServiceProps = Pick<PolicyResource, "props">;

/**
 * The DNS records of a `dnsConfig` block, read as lib/read.ts describes. A TTL that cannot be read
 * (not a number, NaN) is left to the provider, which rejects it: it reads as 0, which no TTL rule
 * flags, so the record still counts for the rules about record types and combinations.
 */
export function dnsRecordsOf(dnsConfig: Block): DnsRecordShape[] {
    return asBlocks(dnsConfig.dnsRecords).map((record) => ({ type: asString(record.type) ?? "", ttl: asNumber(record.ttl) ?? 0 }));
}

/** A health-check block as set, unknowns kept (the rules only ask whether it is set and for its threshold). */
function healthCheckOf(value: unknown): Record<string, unknown> | undefined {
    const block = isUnset(value) ? undefined : asBlock(value) ?? {};
    return block === undefined ? undefined : copyKeepingUnknowns(block);
}

/**
 * The rulebook's view of a Cloud Map service.
 *
 * `type` is optional and computed, so a preview sends it unknown in the outputs whenever the
 * program left it unset (the inputs then simply lack it); it is read as unset then. That is
 * safe: the rules act only on a known `"HTTP"` (an API-only service with DNS records) or a known
 * invalid type, so an unknown type can hide such a violation but never invent one, and every DNS
 * record rule holds whatever the type turns out to be (with DNS records, a service that is not a
 * DNS service is rejected anyway).
 * The top-level `namespaceId` (also computed) and `dnsConfig.namespaceId` are not read: the
 * namespace is found through property dependencies. Everything else is read through the
 * unknown-checking proxy, so an unknown record still ends in "can't run during preview". A
 * health-check block of the wrong shape counts as set: the provider rejects it, not the policy.
 */
export function cloudMapServiceShape(service: ServiceProps): CloudMapServiceShape {
    const props = service.props;
    const dnsConfig = asBlock(props.dnsConfig);
    return {
        type: knownType(service),
        dnsConfig: dnsConfig === undefined ? undefined : {
            dnsRecords: isUnset(dnsConfig.dnsRecords) ? undefined : dnsRecordsOf(dnsConfig),
            routingPolicy: asString(dnsConfig.routingPolicy),
        },
        healthCheckConfig: healthCheckOf(props.healthCheckConfig),
        healthCheckCustomConfig: healthCheckOf(props.healthCheckCustomConfig),
    };
}

/**
 * Only what the namespace-kind rules read of a service: its type and whether it has DNS records
 * and a Route 53 health check. The records themselves are left out (an empty `dnsConfig` stands
 * for "set"), so records still unknown in a preview do not hold up a verdict that does not need them.
 */
export function cloudMapServiceOutline(service: ServiceProps): CloudMapServiceShape {
    return {
        type: knownType(service),
        dnsConfig: asBlock(service.props.dnsConfig) === undefined ? undefined : {},
        healthCheckConfig: isUnset(service.props.healthCheckConfig) ? undefined : {},
    };
}

/** The service's `type`; undefined when unset or, in a preview, not set by the program (see above). */
function knownType(service: ServiceProps): string | undefined {
    return isUnknownAt(service.props, "type") ? undefined : asString(service.props.type);
}

/** True when the service is known to be API-only (`type: "HTTP"`); false when it is not, or not known yet. */
export function isKnownApiOnly(service: ServiceProps): boolean {
    return isApiOnly({ type: knownType(service) });
}

/** The settings of a Route 53 health check (@pulumi/aws ServiceHealthCheckConfig) and how each is read. */
const ROUTE53_SETTINGS: Readonly<Record<string, (value: unknown) => unknown>> = {
    type: asStringForRule,
    resourcePath: asStringForRule,
    failureThreshold: asNumberForRule,
};

/** A Route 53 health check's settings as the rules read them, and those still unknown in a preview. */
export interface Route53HealthCheckSettings {
    readonly settings: Record<string, unknown>;
    /** Settings not known until the update runs. They are left out of `settings`, so a finding at one of them is a guess to drop. */
    readonly unknown: readonly string[];
}

/**
 * The settings of a `healthCheckConfig` block (`type`, `resourcePath`, `failureThreshold`) as
 * the provider decodes them (lib/read.ts), values it cannot decode kept for the rules to
 * describe. A setting unknown in a preview is recorded in `undecided` and listed in `unknown`.
 * Undefined when the value is not a block, which the provider rejects itself.
 */
export function route53HealthCheckOf(value: unknown, undecided: Undecided): Route53HealthCheckSettings | undefined {
    const block = asBlock(value);
    if (block === undefined) {
        return undefined;
    }
    const unknown = Object.keys(ROUTE53_SETTINGS).filter((key) => undecided.unknown(block, key));
    const settings = Object.fromEntries(Object.entries(ROUTE53_SETTINGS)
        .filter(([key]) => !unknown.includes(key))
        .map(([key, read]) => [key, read(block[key])]));
    return { settings, unknown };
}

import { PolicyResource } from "@pulumi/policy";
import { CloudMapServiceShape, isApiOnly } from "../../components/rules";
import { copyKeepingUnknowns, isUnknownAt } from "./unknowns";

/** A Cloud Map service as a policy sees it: a resource policy its inputs, a stack policy its outputs. */
type ServiceProps = Pick<PolicyResource, "props">;

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
 * unknown-checking proxy, so an unknown record still ends in "can't run during preview".
 */
export function cloudMapServiceShape(service: ServiceProps): CloudMapServiceShape {
    const props = service.props;
    const dnsConfig = props.dnsConfig;
    return {
        type: knownType(service),
        dnsConfig: dnsConfig === undefined ? undefined : {
            dnsRecords: dnsConfig.dnsRecords === undefined
                ? undefined
                : Array.from(dnsConfig.dnsRecords as { type: string; ttl: number }[], (r) => ({ type: r.type, ttl: r.ttl })),
            routingPolicy: dnsConfig.routingPolicy,
        },
        // The health-check rules ask whether one is configured and, for the custom one, its threshold.
        healthCheckConfig: props.healthCheckConfig === undefined ? undefined : copyKeepingUnknowns(props.healthCheckConfig),
        healthCheckCustomConfig: props.healthCheckCustomConfig === undefined ? undefined : copyKeepingUnknowns(props.healthCheckCustomConfig),
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
        dnsConfig: service.props.dnsConfig === undefined ? undefined : {},
        healthCheckConfig: service.props.healthCheckConfig === undefined ? undefined : {},
    };
}

/** The service's `type`; undefined when unset or, in a preview, not set by the program (see above). */
function knownType(service: ServiceProps): string | undefined {
    return isUnknownAt(service.props, "type") ? undefined : service.props.type;
}

/** True when the service is known to be API-only (`type: "HTTP"`); false when it is not, or not known yet. */
export function isKnownApiOnly(service: ServiceProps): boolean {
    return isApiOnly({ type: knownType(service) });
}

import { PolicyResource } from "@pulumi/policy";
import { CloudMapServiceShape, isApiOnly } from "../../components/rules";
import { copyKeepingUnknowns, isUnknownAt } from "./unknowns";

/**
 * The rulebook's view of a Cloud Map service as a stack policy sees it: its outputs.
 *
 * `type` is optional and computed, so a preview sends it unknown whenever the program left it
 * unset; it is read as unset then. That is safe: the rules act only on a known `"HTTP"` (an
 * API-only service with DNS records) or a known invalid type, so an unknown type can hide such a
 * violation but never invent one, and every DNS record rule holds whatever the type turns out
 * to be (with DNS records, a service that is not a DNS service is rejected anyway).
 * The top-level `namespaceId` (also computed) and `dnsConfig.namespaceId` are not read: the
 * namespace is found through property dependencies. Everything else is read through the
 * unknown-checking proxy, so an unknown record still ends in "can't run during preview".
 */
export function cloudMapServiceShape(service: PolicyResource): CloudMapServiceShape {
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
        // The stack policies only ask whether a health check is configured, not how.
        healthCheckConfig: props.healthCheckConfig === undefined ? undefined : copyKeepingUnknowns(props.healthCheckConfig),
        healthCheckCustomConfig: props.healthCheckCustomConfig === undefined ? undefined : copyKeepingUnknowns(props.healthCheckCustomConfig),
    };
}

/** The service's `type`; undefined when unset or, in a preview, not set by the program (see above). */
function knownType(service: PolicyResource): string | undefined {
    return isUnknownAt(service.props, "type") ? undefined : service.props.type;
}

/** True when the service is known to be API-only (`type: "HTTP"`); false when it is not, or not known yet. */
export function isKnownApiOnly(service: PolicyResource): boolean {
    return isApiOnly({ type: knownType(service) });
}

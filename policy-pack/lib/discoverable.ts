import { PolicyResource } from "@pulumi/policy";
import { asBlock, asBoolean, isUnset } from "./read";
import { TYPES } from "./resourceTypes";
import { isUnknownAt, Undecided, valuesKeepingUnknowns } from "./unknowns";

/** An answer that waits on `within[key]`, a value not known until the update runs. */
interface Pending {
    readonly within: object;
    readonly key: string;
}

/** The ECS services whose tasks register in Cloud Map (`serviceRegistries` set, or not known yet). */
export function registeringEcsServices(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => r.type === TYPES.ecsService && registers(r.props) !== false);
}

function registers(props: Record<string, unknown>): boolean | Pending {
    return isUnknownAt(props, "serviceRegistries") ? { within: props, key: "serviceRegistries" } : !isUnset(props.serviceRegistries);
}

/**
 * Whether an ECS service serves Service Connect endpoints: Service Connect is on (`enabled`) and
 * `services` has an entry. ECS then creates a Cloud Map service per entry and clients reach the
 * tasks by that name (API_ServiceConnectConfiguration, API_ServiceConnectService). A client-only
 * configuration (no `services`) only lets the tasks call others.
 */
function servesServiceConnect(props: Record<string, unknown>): boolean | Pending {
    if (isUnknownAt(props, "serviceConnectConfiguration")) {
        return { within: props, key: "serviceConnectConfiguration" };
    }
    const configuration = asBlock(props.serviceConnectConfiguration);
    if (configuration === undefined) {
        return false;
    }
    const enabled = isUnknownAt(configuration, "enabled") ? { within: configuration, key: "enabled" } : asBoolean(configuration.enabled) === true;
    const serving = hasServiceEntry(configuration);
    if (enabled === false || serving === false) {
        return false;
    }
    return enabled === true ? serving : enabled;
}

/** Whether a Service Connect configuration lists a service; an unknown entry decides only when no known one does. */
function hasServiceEntry(configuration: Record<string, unknown>): boolean | Pending {
    if (isUnknownAt(configuration, "services")) {
        return { within: configuration, key: "services" };
    }
    const services = configuration.services;
    if (!Array.isArray(services)) {
        return asBlock(services) !== undefined;
    }
    // The entries as stored, so an unknown one is looked at without throwing.
    if (valuesKeepingUnknowns(services).some((entry) => asBlock(entry) !== undefined)) {
        return true;
    }
    const unknown = Object.keys(services).find((index) => isUnknownAt(services, index));
    return unknown === undefined ? false : { within: services, key: unknown };
}

/**
 * True when other services find this ECS service's tasks by name: it registers them in Cloud Map
 * (`serviceRegistries`) or serves Service Connect endpoints (`serviceConnectConfiguration`
 * enabled with `services`). A client-only Service Connect service is not discoverable, like a
 * service with neither. When the answer waits on a value unknown in a preview, the service counts
 * as discoverable and `undecided` holds that value: a policy that would flag the service settles
 * it first, so it says it can't run rather than guess.
 */
export function isDiscoverableEcsService(ecsService: Pick<PolicyResource, "props">, undecided: Undecided): boolean {
    const answers = [registers(ecsService.props), servesServiceConnect(ecsService.props)];
    if (answers.includes(true)) {
        return true;
    }
    const pending = answers.find((answer): answer is Pending => typeof answer === "object");
    return pending !== undefined && undecided.unknown(pending.within, pending.key);
}

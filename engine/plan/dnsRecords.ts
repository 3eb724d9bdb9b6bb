import { isApiOnly, namespaceKindOfType } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { isUnknown, KNOWN_AFTER_DEPLOY } from "../wireProperties";

const SERVICE = "aws:servicediscovery/service:Service";
const INSTANCE = "aws:servicediscovery/instance:Instance";

/**
 * A DNS record Cloud Map will serve for a service once instances register. Parts not known
 * until deploy (derived from another resource's outputs) read "(known after deploy)"; a TTL
 * that is not a known number is null.
 */
export interface DnsRecord {
    /** `<service>.<namespace>`, e.g. `inventory-manager.quickship.local`. */
    readonly name: string;
    readonly type: string;
    readonly ttl: number | null;
    readonly routingPolicy: string;
    /** URN of the Cloud Map service that owns the record. */
    readonly service: string;
}

/** A service discoverable only through the DiscoverInstances API (no DNS records). */
export interface ApiOnlyService {
    readonly name: string;
    readonly namespace: string;
    readonly urn: string;
    readonly instances: readonly { readonly id: string; readonly attributes: Readonly<Record<string, string>> }[];
}

/** Every DNS record the program's Cloud Map services will serve, in registration order. */
export function dnsRecordsOf(graph: ResourceGraph): DnsRecord[] {
    return graph.ofType(SERVICE).flatMap((service) => {
        const dnsConfig = asRecord(service.inputs.dnsConfig);
        const records = Array.isArray(dnsConfig.dnsRecords) ? dnsConfig.dnsRecords.map(asRecord) : [];
        const name = `${shown(service.inputs.name ?? service.name)}.${namespaceNameOf(service, graph)}`;
        // Cloud Map applies MULTIVALUE when the program does not choose (API_DnsConfig).
        const routingPolicy = dnsConfig.routingPolicy === undefined ? "MULTIVALUE" : shown(dnsConfig.routingPolicy);
        return records.map((record) => ({ name, type: shown(record.type), ttl: knownNumber(record.ttl), routingPolicy, service: service.urn }));
    });
}

/** Services registered for API calls only, with the instances (and attributes) registered in them. */
export function apiOnlyServicesOf(graph: ResourceGraph): ApiOnlyService[] {
    const instances = graph.ofType(INSTANCE);
    return graph
        .ofType(SERVICE)
        .filter((service) => isApiOnly({ type: service.inputs.type as string | undefined }) || service.inputs.dnsConfig === undefined)
        .map((service) => ({
            name: shown(service.inputs.name ?? service.name),
            namespace: namespaceNameOf(service, graph),
            urn: service.urn,
            instances: instances
                .filter((instance) => belongsTo(instance, "serviceId", service))
                .map((instance) => ({
                    id: shown(instance.inputs.instanceId ?? instance.name),
                    attributes: Object.fromEntries(Object.entries(asRecord(instance.inputs.attributes)).map(([k, v]) => [k, shown(v)])),
                })),
        }));
}

/**
 * The name of the namespace a service lives in. The namespace id is only an opaque string
 * (and unknown in a preview), so the namespace resource is found through the property
 * dependencies of `dnsConfig` / `namespaceId`, the way the policy pack finds it.
 */
export function namespaceNameOf(service: RecordedResource, graph: ResourceGraph): string {
    const namespace = [...(service.propertyDependencies.dnsConfig ?? []), ...(service.propertyDependencies.namespaceId ?? [])]
        .map((urn) => graph.get(urn))
        .find((r) => r !== undefined && namespaceKindOfType(r.type) !== undefined);
    if (namespace !== undefined) {
        return shown(namespace.inputs.name ?? namespace.name);
    }
    const id = asRecord(service.inputs.dnsConfig).namespaceId ?? service.inputs.namespaceId;
    return isUnknown(id) ? `(namespace ${KNOWN_AFTER_DEPLOY})` : typeof id === "string" ? `(namespace ${id})` : "(unknown namespace)";
}

/** A property as text for a report: "(known after deploy)" while unknown. */
export function shown(value: unknown): string {
    return isUnknown(value) ? KNOWN_AFTER_DEPLOY : typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}

/** A record's TTL for a report: the number of seconds, or "(known after deploy)". */
export function ttlText(ttl: number | null): string {
    return ttl === null ? KNOWN_AFTER_DEPLOY : String(ttl);
}

/** A number, or a string holding one (the provider converts those), else null: never NaN. */
export function knownNumber(value: unknown): number | null {
    const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    return Number.isFinite(n) ? n : null;
}

/** True when `resource`'s `property` refers to `target`, by dependency or by literal id. */
export function belongsTo(resource: RecordedResource, property: string, target: RecordedResource): boolean {
    return (resource.propertyDependencies[property] ?? []).includes(target.urn) ||
        (target.id !== undefined && resource.inputs[property] === target.id);
}

function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

import { isApiOnly, namespaceKindOfType } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";

const SERVICE = "aws:servicediscovery/service:Service";
const INSTANCE = "aws:servicediscovery/instance:Instance";

/** A DNS record Cloud Map will serve for a service once instances register. */
export interface DnsRecord {
    /** `<service>.<namespace>`, e.g. `inventory-manager.quickship.local`. */
    readonly name: string;
    readonly type: string;
    readonly ttl: number;
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
        const name = `${service.inputs.name ?? service.name}.${namespaceNameOf(service, graph)}`;
        // Cloud Map applies MULTIVALUE when the program does not choose (API_DnsConfig).
        const routingPolicy = typeof dnsConfig.routingPolicy === "string" ? dnsConfig.routingPolicy : "MULTIVALUE";
        return records.map((record) => ({ name, type: String(record.type), ttl: Number(record.ttl), routingPolicy, service: service.urn }));
    });
}

/** Services registered for API calls only, with the instances (and attributes) registered in them. */
export function apiOnlyServicesOf(graph: ResourceGraph): ApiOnlyService[] {
    const instances = graph.ofType(INSTANCE);
    return graph
        .ofType(SERVICE)
        .filter((service) => isApiOnly({ type: service.inputs.type as string | undefined }) || service.inputs.dnsConfig === undefined)
        .map((service) => ({
            name: String(service.inputs.name ?? service.name),
            namespace: namespaceNameOf(service, graph),
            urn: service.urn,
            instances: instances
                .filter((instance) => belongsTo(instance, "serviceId", service))
                .map((instance) => ({
                    id: String(instance.inputs.instanceId ?? instance.name),
                    attributes: Object.fromEntries(Object.entries(asRecord(instance.inputs.attributes)).map(([k, v]) => [k, String(v)])),
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
        return String(namespace.inputs.name ?? namespace.name);
    }
    const id = asRecord(service.inputs.dnsConfig).namespaceId ?? service.inputs.namespaceId;
    return typeof id === "string" ? `(namespace ${id})` : "(unknown namespace)";
}

/** True when `resource`'s `property` refers to `target`, by dependency or by literal id. */
export function belongsTo(resource: RecordedResource, property: string, target: RecordedResource): boolean {
    return (resource.propertyDependencies[property] ?? []).includes(target.urn) ||
        (target.id !== undefined && resource.inputs[property] === target.id);
}

function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

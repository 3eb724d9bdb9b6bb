import { CloudMapServiceShape, discoveryStalenessSeconds, healthDelaySeconds, NamespaceKind, namespaceKindOfType, stalenessInputOf } from "../../components/rules";
import type { PlanResult } from "../plan";
import { RecordedResource } from "../resourceGraph";
import { UNKNOWN_SENTINEL } from "../wireProperties";

const SERVICE = "aws:servicediscovery/service:Service";
const INSTANCE = "aws:servicediscovery/instance:Instance";
const ECS_SERVICE = "aws:ecs/service:Service";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/**
 * The Cloud Map topology a plan declares, in the terms the local server needs. Everything is
 * read from resource inputs (what the program set), which a plan always knows; ids and ARNs
 * the mocks compute are not used, so the local server names things itself.
 */
export interface PlannedTopology {
    /** `aws:region` of the stack; the region local ARNs and `AWS_REGION` carry. */
    readonly region: string;
    readonly namespaces: readonly PlannedNamespace[];
    readonly services: readonly PlannedService[];
    /** Instances the program registers itself (e.g. the `UserAuth` table in an API-only service). */
    readonly instances: readonly PlannedInstance[];
    /** What the plan does not say clearly enough to serve (a service whose namespace is unknown). */
    readonly warnings: readonly string[];
}

export interface PlannedNamespace {
    readonly name: string;
    readonly kind: NamespaceKind;
    readonly description?: string;
}

export interface PlannedService {
    readonly urn: string;
    readonly name: string;
    readonly namespace: string;
    readonly description?: string;
    /** Record types and TTLs, as the plan reports them; empty for an API-only service. */
    readonly records: readonly { readonly type: string; readonly ttl: number }[];
    readonly routingPolicy: "MULTIVALUE" | "WEIGHTED";
    /** Who reports instance health: ECS/the application (custom), Route 53, or nobody. */
    readonly healthCheck: "custom" | "route53" | "none";
    readonly healthCheckConfig?: Readonly<Record<string, unknown>>;
    readonly healthCheckCustomConfig?: Readonly<Record<string, unknown>>;
    /** The plan's estimate (components/rules/staleness.ts); undefined for services without DNS records. */
    readonly staleness?: { readonly seconds: number; readonly healthDelaySeconds: number; readonly ttlSeconds: number };
    /** The ECS service whose tasks register here, when the program runs one. */
    readonly process?: PlannedProcess;
}

export interface PlannedProcess {
    /** The port ECS publishes (`serviceRegistries.containerPort` or `port`). */
    readonly port?: number;
    /** The container's environment from the task definition; undefined when the plan does not know it. */
    readonly environment?: Readonly<Record<string, string>>;
}

export interface PlannedInstance {
    readonly serviceUrn: string;
    readonly id: string;
    readonly attributes: Readonly<Record<string, string>>;
}

/** The topology of a plan: namespaces, services (with the ECS service behind each) and declared instances. */
export function topologyOf(plan: PlanResult): PlannedTopology {
    const graph = plan.graph;
    const warnings: string[] = [];
    const namespaces = graph.resources.flatMap((r): PlannedNamespace[] => {
        const kind = namespaceKindOfType(r.type);
        if (kind === undefined) {
            return [];
        }
        if (r.inputs.name === UNKNOWN_SENTINEL) {
            warnings.push(`namespace ${r.name} is not served: its name is only known after deployment.`);
            return [];
        }
        return [{ name: String(r.inputs.name ?? r.name), kind, description: optionalString(r.inputs.description) }];
    });
    const processes = processesByService(plan, warnings);
    const services = graph.ofType(SERVICE).flatMap((service): PlannedService[] => {
        const name = String(service.inputs.name ?? service.name);
        const records = plan.dnsRecords.filter((record) => record.service === service.urn);
        // The plan names each record `<service>.<namespace>` and each API-only service's namespace.
        const namespace = records.length > 0
            ? records[0].name.slice(name.length + 1)
            : plan.apiOnlyServices.find((s) => s.urn === service.urn)?.namespace;
        if (namespace === undefined || !namespaces.some((ns) => ns.name === namespace)) {
            warnings.push(`service ${name} is not served: the plan does not say which namespace it is in (${namespace ?? "none"}).`);
            return [];
        }
        // A TTL only known after deployment (the plan's ttl is null) cannot be served.
        const unknownTtls = records.filter((record) => record.ttl === null).map((record) => `the TTL of its ${record.type} record`);
        if (unknownTtls.length > 0) {
            warnings.push(`service ${name} is not served: ${knownLater(unknownTtls)}.`);
            return [];
        }
        const shape = service.inputs as CloudMapServiceShape;
        const stalenessInput = stalenessInputOf(shape);
        return [{
            urn: service.urn,
            name,
            namespace,
            description: optionalString(service.inputs.description),
            records: records.flatMap(({ type, ttl }) => (ttl === null ? [] : [{ type, ttl }])),
            routingPolicy: records[0]?.routingPolicy === "WEIGHTED" ? "WEIGHTED" : "MULTIVALUE",
            healthCheck: shape.healthCheckCustomConfig !== undefined ? "custom" : shape.healthCheckConfig !== undefined ? "route53" : "none",
            healthCheckConfig: shape.healthCheckConfig,
            healthCheckCustomConfig: shape.healthCheckCustomConfig,
            staleness: stalenessInput === undefined
                ? undefined
                : { seconds: discoveryStalenessSeconds(stalenessInput), healthDelaySeconds: healthDelaySeconds(stalenessInput), ttlSeconds: stalenessInput.ttlSeconds },
            process: processes.get(service.urn),
        }];
    });
    const instances = graph.ofType(INSTANCE).flatMap((instance): PlannedInstance[] => {
        const service = graph.ofType(SERVICE).find((s) =>
            (instance.propertyDependencies.serviceId ?? []).includes(s.urn) || (s.id !== undefined && instance.inputs.serviceId === s.id));
        if (service === undefined || !services.some((s) => s.urn === service.urn)) {
            return [];
        }
        const id = String(instance.inputs.instanceId ?? instance.name);
        const attributes = Object.fromEntries(Object.entries(asRecord(instance.inputs.attributes)).map(([k, v]) => [k, String(v)]));
        const unknown = [...(id === UNKNOWN_SENTINEL ? ["its id"] : []), ...Object.keys(attributes).filter((k) => attributes[k] === UNKNOWN_SENTINEL)];
        if (unknown.length > 0) {
            warnings.push(`instance ${instance.name} is not served: ${knownLater(unknown)}; register it through the API instead.`);
            return [];
        }
        return [{ serviceUrn: service.urn, id, attributes }];
    });
    return { region: plan.project.config["aws:region"] ?? "us-east-1", namespaces, services, instances, warnings };
}

/** For each Cloud Map service that an ECS service registers its tasks in: that ECS service's port and container environment. */
function processesByService(plan: PlanResult, warnings: string[]): Map<string, PlannedProcess> {
    const graph = plan.graph;
    const byService = new Map<string, PlannedProcess>();
    for (const ecsService of graph.ofType(ECS_SERVICE)) {
        const registry = asRecord(Array.isArray(ecsService.inputs.serviceRegistries) ? ecsService.inputs.serviceRegistries[0] : ecsService.inputs.serviceRegistries);
        const cloudMapService = (ecsService.propertyDependencies.serviceRegistries ?? []).find((urn) => graph.get(urn)?.type === SERVICE);
        if (cloudMapService === undefined) {
            continue;
        }
        const taskDefinition = (ecsService.propertyDependencies.taskDefinition ?? []).map((urn) => graph.get(urn)).find((r) => r?.type === TASK_DEFINITION);
        const port = registry.containerPort ?? registry.port;
        const environment = taskDefinition === undefined ? undefined : containerEnvironment(taskDefinition, optionalString(registry.containerName));
        const unknown = Object.keys(environment ?? {}).filter((key) => environment![key] === UNKNOWN_SENTINEL);
        if (environment === undefined || unknown.length > 0) {
            warnings.push(`${ecsService.name}: ${knownLater(environment === undefined ? ["its container's environment"] : unknown)}, ` +
                "so the environment printed for its local process lacks it.");
        }
        byService.set(cloudMapService, {
            port: typeof port === "number" ? port : undefined,
            environment: environment === undefined ? undefined : Object.fromEntries(Object.entries(environment).filter(([key]) => !unknown.includes(key))),
        });
    }
    return byService;
}

/** The `environment` of the registered container (or the only one), from the task definition's `containerDefinitions` JSON. */
function containerEnvironment(taskDefinition: RecordedResource, containerName: string | undefined): Record<string, string> | undefined {
    const definitions = taskDefinition.inputs.containerDefinitions;
    let containers: unknown;
    try {
        containers = typeof definitions === "string" ? JSON.parse(definitions) : undefined;
    } catch {
        return undefined;
    }
    if (!Array.isArray(containers)) {
        return undefined;
    }
    const container = asRecord(containers.find((c) => asRecord(c).name === containerName) ?? (containers.length === 1 ? containers[0] : undefined));
    const environment = Array.isArray(container.environment) ? container.environment.map(asRecord) : [];
    return Object.fromEntries(environment.filter((e) => typeof e.name === "string").map((e) => [String(e.name), String(e.value ?? "")]));
}

/** "X is only known after deployment", "X, Y are ...". */
function knownLater(names: readonly string[]): string {
    return `${names.join(", ")} ${names.length === 1 ? "is" : "are"} only known after deployment`;
}

function optionalString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

import { namespaceKindOfType, serviceConnectEndpointNames, ServiceConnectServiceShape, serviceConnectUrl } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { KNOWN_AFTER_DEPLOY } from "../wireProperties";
import { knownNumber, shown } from "./dnsRecords";
import { containerDefinitionsOf } from "./wiring/containerDefinitions";
import { declaredName, referencesVia } from "./wiring/references";
import { TYPES } from "./wiring/resourceTypes";
import { asArray, asRecord, isUnknown } from "./wiring/values";

const NAMESPACE_TYPES = [
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
    "aws:servicediscovery/httpNamespace:HttpNamespace",
    "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace",
];

/**
 * An endpoint an ECS service serves through Service Connect. ECS creates a Cloud Map service
 * (`discoveryName`) for it and no DNS record: only tasks of services with Service Connect in the
 * same namespace resolve `dnsName`, through their proxy (developer guide, "Service Connect").
 */
export interface ServiceConnectEndpoint {
    /** The ECS service that serves it, as reports name it. */
    readonly service: string;
    readonly urn: string;
    readonly namespace: string;
    /** The Cloud Map service ECS creates: `discoveryName`, else the port name. */
    readonly discoveryName: string;
    readonly portName: string;
    /** The container port the port name maps; null when the task definition is not known. */
    readonly containerPort: number | null;
    /** The port mapping's `appProtocol`; "tcp" when unset, as ECS reads it. */
    readonly appProtocol: string;
    /** What clients call: the client alias (`dnsName` defaults to `<discoveryName>.<namespace>`). */
    readonly dnsName: string;
    readonly port: number | null;
    readonly url: string;
}

/** An ECS service with Service Connect on: every one is a client of its namespace's endpoints. */
export interface ServiceConnectMember {
    readonly service: string;
    readonly urn: string;
    readonly namespace: string;
    /** Its desired task count; null when not known until deploy. */
    readonly tasks: number | null;
    /** The task definition's CPU architecture (`runtimePlatform.cpuArchitecture`, X86_64 when unset). */
    readonly cpuArchitecture: string;
    /** True when it serves endpoints (`services[]`), false for a client only. */
    readonly serves: boolean;
}

export interface ServiceConnectPlan {
    readonly endpoints: readonly ServiceConnectEndpoint[];
    readonly members: readonly ServiceConnectMember[];
}

/** Every ECS service with Service Connect on, and the endpoints they serve, from the recorded graph. */
export function serviceConnectOf(graph: ResourceGraph): ServiceConnectPlan {
    const endpoints: ServiceConnectEndpoint[] = [];
    const members: ServiceConnectMember[] = [];
    for (const ecsService of graph.ofType(TYPES.ecsService)) {
        const configuration = asRecord(ecsService.inputs.serviceConnectConfiguration);
        if (configuration.enabled !== true) {
            continue;
        }
        const service = declaredName(ecsService);
        const namespace = namespaceOf(graph, ecsService, configuration.namespace);
        const task = referencesVia(graph, ecsService, "taskDefinition", [TYPES.taskDefinition], { keys: ["arn"] }).resources[0];
        const mappings = task === undefined ? undefined : portMappingsOf(task);
        const served = asArray(configuration.services).map((s) => asRecord(s) as ServiceConnectServiceShape);
        members.push({
            service, urn: ecsService.urn, namespace,
            // Unset, the provider asks for none (@pulumi/aws ecs.Service desiredCount: "Defaults to 0").
            tasks: knownNumber(ecsService.inputs.desiredCount ?? 0),
            cpuArchitecture: cpuArchitectureOf(task),
            serves: served.length > 0,
        });
        for (const entry of served) {
            const names = serviceConnectEndpointNames(entry, namespace);
            const mapping = mappings?.find((m) => m.name === entry.portName);
            const dnsName = names.dnsName ?? KNOWN_AFTER_DEPLOY;
            endpoints.push({
                service, urn: ecsService.urn, namespace,
                discoveryName: names.discoveryName ?? KNOWN_AFTER_DEPLOY,
                portName: shown(entry.portName),
                containerPort: knownNumber(mapping?.containerPort),
                appProtocol: typeof mapping?.appProtocol === "string" ? mapping.appProtocol : "tcp",
                dnsName,
                port: names.port ?? null,
                url: names.port === undefined ? KNOWN_AFTER_DEPLOY : serviceConnectUrl(dnsName, names.port),
            });
        }
    }
    return { endpoints, members };
}

/** The namespace by its resource in the stack (ARN, name, or the dependency while unknown), else as written. */
function namespaceOf(graph: ResourceGraph, ecsService: RecordedResource, value: unknown): string {
    const found = referencesVia(graph, ecsService, "serviceConnectConfiguration", NAMESPACE_TYPES, { pick: () => value, keys: ["arn", "name"] })
        .resources.find((r) => namespaceKindOfType(r.type) !== undefined);
    if (found !== undefined) {
        return shown(found.inputs.name ?? found.name);
    }
    return isUnknown(value) ? `(namespace ${KNOWN_AFTER_DEPLOY})` : typeof value === "string" ? value : "(the cluster's default namespace)";
}

function portMappingsOf(task: RecordedResource): Record<string, unknown>[] | undefined {
    const parsed = containerDefinitionsOf(task);
    return "hidden" in parsed ? undefined : parsed.definitions.flatMap((d) => asArray(d.portMappings).map(asRecord));
}

function cpuArchitectureOf(task: RecordedResource | undefined): string {
    const architecture = asRecord(task?.inputs.runtimePlatform).cpuArchitecture;
    return typeof architecture === "string" ? architecture : "X86_64";
}

import { checkPort } from "./fargateTask";
import { at, Finding } from "./finding";
import { itemPath } from "./paths";
import { isRecord } from "./values";

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html
const SOURCE = "ECS API, ServiceRegistry";

/** One entry of an ECS service's `serviceRegistries` (`@pulumi/aws` input names). */
export interface ServiceRegistryShape {
    readonly registryArn?: string;
    readonly port?: number;
    readonly containerName?: string;
    readonly containerPort?: number;
}

export interface ContainerShape {
    readonly name: string;
    readonly portMappings?: readonly { readonly containerPort?: number }[];
}

export interface ServiceRegistriesContext {
    /** Task definition network mode; Fargate is always `awsvpc`. Undefined when unknown. */
    readonly networkMode?: string;
    /** Record types of the Cloud Map service the registry points at. Undefined when unknown. */
    readonly recordTypes?: readonly string[];
    /** The task definition's containers. Undefined when unknown. */
    readonly containers?: readonly ContainerShape[];
    readonly path?: string;
}

/**
 * Checks an ECS service's Cloud Map registration against the ECS ServiceRegistry rules
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html):
 * - one registry per service;
 * - `awsvpc` + SRV: `containerName`+`containerPort` or `port`, not both;
 * - `bridge`/`host`: `containerName`+`containerPort`, and the service must have SRV records;
 * - a service without SRV records has no port to publish, so no port may be given;
 * - the container and port must exist in the task definition.
 */
export function checkServiceRegistries(registries: readonly ServiceRegistryShape[], context: ServiceRegistriesContext): Finding[] {
    const path = context.path ?? "serviceRegistries";
    const findings: Finding[] = [];
    if (registries.length > 1) {
        findings.push({
            rule: "ecs-service-registries-single",
            path,
            message: `${registries.length} service registries; an ECS service can be associated with only one (${SOURCE}).`,
            fix: "Keep one registry; create another ECS service to register elsewhere.",
        });
    }
    registries.forEach((registry, i) => {
        findings.push(...checkRegistry(registry, context, itemPath(path, i)));
    });
    return findings;
}

function checkRegistry(registry: ServiceRegistryShape, context: ServiceRegistriesContext, path: string): Finding[] {
    const findings: Finding[] = [];
    const hasName = registry.containerName !== undefined;
    const hasContainerPort = registry.containerPort !== undefined;
    const hasPort = registry.port !== undefined;
    const srv = context.recordTypes?.includes("SRV");
    const mode = context.networkMode;

    if (hasName !== hasContainerPort) {
        findings.push({
            rule: "ecs-service-registry-container-pair",
            path,
            message: `A registry that names a container must also give its port, and the other way round (${SOURCE}).`,
            fix: hasName ? "Add the container port (a port that container maps)." : "Add the container's name.",
        });
    }
    if (mode === "awsvpc" && srv === true) {
        if (hasPort && (hasName || hasContainerPort)) {
            findings.push({
                rule: "ecs-service-registry-srv-port",
                path,
                message: `With awsvpc networking and SRV records, the registry takes either a container and its port or a bare port, not both (${SOURCE}).`,
                fix: "Remove the bare port and keep the container and its port.",
            });
        } else if (!hasPort && !hasName && !hasContainerPort) {
            findings.push({
                rule: "ecs-service-registry-srv-port",
                path,
                message: `The Cloud Map service has an SRV record but the registry gives no port, so ECS cannot publish one (${SOURCE}).`,
                fix: "Name the container and the port that serve traffic.",
            });
        }
    }
    if (mode === "bridge" || mode === "host") {
        if (!hasName || !hasContainerPort) {
            findings.push({
                rule: "ecs-service-registry-bridge-host",
                path,
                message: `With ${mode} network mode, ECS needs the container and its port to register tasks (${SOURCE}).`,
                fix: "Name the container and port from the task definition.",
            });
        }
        if (srv === false) {
            findings.push({
                rule: "ecs-service-registry-bridge-host",
                path,
                message: `Tasks in ${mode} network mode share the host's address, so only SRV records can tell them apart (${SOURCE}).`,
                fix: "Give the Cloud Map service an SRV record.",
            });
        }
    }
    if (srv === false && (hasPort || hasContainerPort)) {
        findings.push({
            rule: "ecs-service-registry-a-only-port",
            path,
            message: `The Cloud Map service has no SRV record, so a port in the registry has nowhere to go and ECS rejects it (${SOURCE}).`,
            fix: "Remove the port and container from the registry, or give the Cloud Map service an SRV record.",
        });
    }
    if (context.containers !== undefined && hasName) {
        findings.push(...checkContainerPortMapped(context.containers, registry.containerName!, registry.containerPort, path));
    }
    return findings;
}

/**
 * Checks that a container exists in the task definition and, when a port is given, that it is
 * a valid port the container maps (an invalid port is reported as invalid, not as unmapped).
 */
export function checkContainerPortMapped(containers: readonly ContainerShape[], containerName: string, port: number | undefined, path: string): Finding[] {
    if (port !== undefined) {
        const invalid = checkPort(port, at(path, "containerPort"));
        if (invalid.length > 0) {
            return invalid;
        }
    }
    const container = containers.find((c) => isRecord(c) && c.name === containerName);
    if (container === undefined) {
        return [{
            rule: "ecs-service-registry-container-missing",
            path: at(path, "containerName"),
            message: `No container named "${containerName}" in the task definition ` +
                `(containers: ${containers.map((c) => String(isRecord(c) ? c.name : c)).join(", ") || "none"}).`,
            fix: "Use the name of a container in the task definition.",
        }];
    }
    // Task definitions in the policy pack are the user's JSON: read the mappings defensively.
    const mappings: unknown = container.portMappings;
    const mapped = Array.isArray(mappings) ? mappings.map((m: unknown) => (isRecord(m) ? m.containerPort : undefined)) : [];
    if (port !== undefined && !mapped.includes(port)) {
        return [{
            rule: "ecs-service-registry-port-unmapped",
            path: at(path, "containerPort"),
            message: `Container "${container.name}" does not map port ${port} (mapped: ${mapped.join(", ") || "none"}).`,
            fix: "Add a portMapping for that port, or register a port the container maps.",
        }];
    }
    return [];
}

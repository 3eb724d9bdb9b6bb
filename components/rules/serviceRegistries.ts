import { at, Finding } from "./finding";

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
            message: `${registries.length} service registries; an ECS service can be associated with only one.`,
            fix: "Keep one registry; create another ECS service to register elsewhere.",
        });
    }
    registries.forEach((registry, i) => {
        findings.push(...checkRegistry(registry, context, at(path, `[${i}]`)));
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
            message: "containerName and containerPort must be given together.",
            fix: hasName ? "Add containerPort (a port mapped by that container)." : "Add containerName.",
        });
    }
    if (mode === "awsvpc" && srv === true) {
        if (hasPort && (hasName || hasContainerPort)) {
            findings.push({
                rule: "ecs-service-registry-srv-port",
                path,
                message: "With awsvpc and SRV records, give containerName+containerPort or port, not both.",
                fix: "Remove port and keep containerName+containerPort (derived from the task definition).",
            });
        } else if (!hasPort && !hasName && !hasContainerPort) {
            findings.push({
                rule: "ecs-service-registry-srv-port",
                path,
                message: "The Cloud Map service has an SRV record but the registry gives no port, so ECS cannot publish one.",
                fix: "Set containerName and containerPort to the container and port that serve traffic.",
            });
        }
    }
    if (mode === "bridge" || mode === "host") {
        if (!hasName || !hasContainerPort) {
            findings.push({
                rule: "ecs-service-registry-bridge-host",
                path,
                message: `With ${mode} network mode, ECS needs containerName and containerPort to register tasks.`,
                fix: "Set containerName and containerPort from the task definition.",
            });
        }
        if (srv === false) {
            findings.push({
                rule: "ecs-service-registry-bridge-host",
                path,
                message: `Tasks in ${mode} network mode share the host's address, so only SRV records can tell them apart.`,
                fix: "Give the Cloud Map service an SRV record.",
            });
        }
    }
    if (srv === false && (hasPort || hasContainerPort)) {
        findings.push({
            rule: "ecs-service-registry-a-only-port",
            path,
            message: "The Cloud Map service has no SRV record, so a port in the registry has nowhere to go and ECS rejects it.",
            fix: "Remove port/containerName/containerPort, or add an SRV record to the Cloud Map service.",
        });
    }
    if (context.containers !== undefined && hasName) {
        findings.push(...checkContainerPortMapped(context.containers, registry.containerName!, registry.containerPort, path));
    }
    return findings;
}

/** Checks that a container exists in the task definition and, when a port is given, maps it. */
export function checkContainerPortMapped(containers: readonly ContainerShape[], containerName: string, port: number | undefined, path: string): Finding[] {
    const container = containers.find((c) => c.name === containerName);
    if (container === undefined) {
        return [{
            rule: "ecs-service-registry-container-missing",
            path: at(path, "containerName"),
            message: `No container named "${containerName}" in the task definition ` +
                `(containers: ${containers.map((c) => c.name).join(", ") || "none"}).`,
            fix: "Use the name of a container in the task definition.",
        }];
    }
    const mapped = (container.portMappings ?? []).map((m) => m.containerPort);
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

import { DiscoverableFargateServiceArgs } from "./fargateServiceArgs";
import { CloudMapServiceRef } from "./refs";
import {
    checkCapacityProviderStrategy,
    checkCircuitBreaker,
    checkContainerHealthCheck,
    checkContainerName,
    checkContainerPortMapped,
    checkContainerSecrets,
    checkFargateTaskSize,
    checkNoPublicIp,
    checkOneOf,
    checkPlatformVersion,
    checkPort,
    checkServiceRegistries,
    ContainerShape,
    CpuArchitecture,
    DnsRecordType,
    enumValues,
    Finding,
    NamespaceKind,
    ServiceRegistryShape,
} from "./rules";
import { fqdnOf, recordTypesOfRef } from "./serviceRefs";

/** The arguments of a DiscoverableFargateService with their defaults applied. */
export interface FargateServiceSettings {
    readonly containerName: string;
    readonly ports: readonly number[];
    readonly discoveryPort: number;
    readonly cpu: number;
    readonly memory: number;
    readonly cpuArchitecture: CpuArchitecture;
    readonly desiredCount: number;
    readonly platformVersion: string;
    readonly enableExecuteCommand: boolean;
    /** The `serviceRegistries` block's container and port: SRV records carry a port, A records none. */
    readonly registry: ServiceRegistryShape;
}

export function fargateServiceSettings(args: DiscoverableFargateServiceArgs): FargateServiceSettings {
    const containerName = args.container.name ?? args.discovery.name.replace(/[^A-Za-z0-9_-]/g, "-");
    const discoveryPort = args.discoveryPort ?? args.container.port;
    return {
        containerName,
        ports: [args.container.port, ...(args.container.additionalPorts ?? [])],
        discoveryPort,
        cpu: args.cpu ?? 256,
        memory: args.memory ?? 512,
        cpuArchitecture: args.cpuArchitecture ?? CpuArchitecture.X86_64,
        desiredCount: args.desiredCount ?? 2,
        platformVersion: args.platformVersion ?? "LATEST",
        enableExecuteCommand: args.enableExecuteCommand ?? false,
        registry: recordTypesOfRef(args.discovery).includes(DnsRecordType.SRV) ? { containerName, containerPort: discoveryPort } : {},
    };
}

/** Every rule the arguments break, each reported under the argument that breaks it. */
export function checkFargateServiceArgs(args: DiscoverableFargateServiceArgs, settings: FargateServiceSettings): Finding[] {
    const container = args.container;
    const containers: ContainerShape[] = [{ name: settings.containerName, portMappings: settings.ports.map((containerPort) => ({ containerPort })) }];
    return [
        ...checkDiscoveryTarget(args.discovery),
        ...checkContainerName(settings.containerName),
        ...(typeof container.image === "string" && container.image.trim() === ""
            ? [{ rule: "ecs-container-image", path: "container.image", message: "The image is empty.", fix: 'Name an image, e.g. "public.ecr.aws/nginx/nginx:1.27".' }]
            : []),
        ...settings.ports.flatMap((port, i) => checkPort(port, i === 0 ? "container.port" : `container.additionalPorts[${i - 1}]`)),
        ...checkContainerSecrets(container.secrets ?? [], "container.secrets"),
        ...checkSecretNamesFree(args),
        ...(container.healthCheck === undefined ? [] : checkContainerHealthCheck(container.healthCheck, "container.healthCheck")),
        ...checkFargateTaskSize(settings.cpu, settings.memory),
        ...checkOneOf(settings.cpuArchitecture, enumValues(CpuArchitecture), "ecs-cpu-architecture", "cpuArchitecture"),
        ...checkNoPublicIp(args.assignPublicIp, "assignPublicIp"),
        ...checkDiscoveryPort(args, settings, containers),
        ...checkCount(settings.desiredCount),
        ...(Array.isArray(args.subnetIds) && args.subnetIds.length === 0
            ? [{ rule: "ecs-subnets-required", path: "subnetIds", message: "No subnets were given, so ECS has nowhere to place the tasks.", fix: "Pass the private subnets of the VPC." }]
            : []),
        ...(args.enableExecuteCommand !== undefined && typeof args.enableExecuteCommand !== "boolean"
            ? [{ rule: "argument-type", path: "enableExecuteCommand", message: `Must be true or false, not ${JSON.stringify(args.enableExecuteCommand)}.`, fix: "Pass a boolean." }]
            : []),
        ...checkPlatformVersion(settings.platformVersion, { enableExecuteCommand: settings.enableExecuteCommand }, "platformVersion"),
        ...(args.capacityProviderStrategy === undefined ? [] : checkCapacityProviderStrategy(args.capacityProviderStrategy, settings.cpuArchitecture, "capacityProviderStrategy")),
        ...(args.deploymentCircuitBreaker === undefined ? [] : checkCircuitBreaker(args.deploymentCircuitBreaker, "deploymentCircuitBreaker")),
    ];
}

/** ECS registers task IP addresses: only a DNS service in a private namespace can hold them safely. */
function checkDiscoveryTarget(discovery: CloudMapServiceRef | undefined): Finding[] {
    const rule = "ecs-registry-dns-service";
    if (discovery === undefined || typeof discovery !== "object") {
        return [{ rule, path: "discovery", message: "No Cloud Map service was given for the tasks to register in.", fix: "Pass a DiscoverableService (SRV records, private DNS namespace)." }];
    }
    if (discovery.namespaceKind === NamespaceKind.PublicDns) {
        return [{
            rule: "ecs-registry-private-namespace",
            path: "discovery",
            message: `"${fqdnOf(discovery)}" is in a public DNS namespace, which would publish the tasks' private addresses on the internet.`,
            fix: "Register the tasks in a DiscoverableService of a private DNS namespace.",
        }];
    }
    if (discovery.apiOnly === true) {
        return [{ rule, path: "discovery", message: `"${discovery.name}" is API-only; ECS registers task IP addresses, which belong in a DNS service.`, fix: "Pass a DiscoverableService with SRV or A records." }];
    }
    if (recordTypesOfRef(discovery).includes(DnsRecordType.CNAME)) {
        return [{ rule, path: "discovery", message: `"${discovery.name}" uses CNAME records; ECS registers IP addresses and cannot fill a CNAME.`, fix: "Use SRV (default) or A records." }];
    }
    return [];
}

/**
 * The port callers are admitted on and ECS publishes: it must be one the container maps, whatever
 * the records (with A records ECS publishes no port, but callers still come in on it). An invalid
 * port is reported once, as invalid, under the argument that holds it.
 */
function checkDiscoveryPort(args: DiscoverableFargateServiceArgs, settings: FargateServiceSettings, containers: ContainerShape[]): Finding[] {
    if (checkPort(settings.discoveryPort, "discoveryPort").length > 0) {
        return args.discoveryPort === undefined ? [] : checkPort(args.discoveryPort, "discoveryPort");
    }
    const findings = settings.registry.containerPort === undefined
        ? checkContainerPortMapped(containers, settings.containerName, settings.discoveryPort, "")
        : checkServiceRegistries([settings.registry], { networkMode: "awsvpc", recordTypes: ["SRV"], containers });
    return findings.map((f) => ({ ...f, path: "discoveryPort" }));
}

/** A secret and a plain variable of the same name: ECS refuses the task definition. */
function checkSecretNamesFree(args: DiscoverableFargateServiceArgs): Finding[] {
    const own = Object.keys(args.container.environment ?? {});
    return (args.container.secrets ?? []).filter((secret) => own.includes(secret.name)).map((secret) => ({
        rule: "ecs-container-secret",
        path: "container.secrets",
        message: `${secret.name} is both a plain environment variable and a secret.`,
        fix: "Keep one of them.",
    }));
}

function checkCount(desiredCount: unknown): Finding[] {
    if (!Number.isInteger(desiredCount) || (desiredCount as number) < 0) {
        return [{ rule: "ecs-desired-count", path: "desiredCount", message: `${JSON.stringify(desiredCount)} is not a task count.`, fix: "Use a whole number, 0 or more." }];
    }
    return [];
}

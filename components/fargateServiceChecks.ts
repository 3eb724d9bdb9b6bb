import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateServiceArgs } from "./fargateServiceArgs";
import { checkServiceNameUnique } from "./programRegistry";
import { CloudMapServiceRef } from "./refs";
import {
    checkBoolean,
    checkCapacityProviderStrategy,
    checkCircuitBreaker,
    checkContainerHealthCheck,
    checkContainerImage,
    checkContainerName,
    checkContainerPortMapped,
    checkContainerSecrets,
    checkDesiredCount,
    checkEcsClusterArn,
    checkFargateTaskSize,
    checkIamRoleName,
    checkLogGroupName,
    checkLogRetentionDays,
    checkNoPublicIp,
    checkOneOf,
    checkPlatformVersion,
    checkPort,
    checkPortMappingName,
    checkSecretNamesFree,
    checkServiceConnectBesideRegistry,
    checkServiceConnectHeadroom,
    checkServiceConnectService,
    checkServiceRegistries,
    checkSubnetId,
    checkSubnetIds,
    checkTaskFamily,
    checkVpcId,
    ContainerShape,
    CpuArchitecture,
    DnsRecordType,
    enumValues,
    Finding,
    NamespaceKind,
    SERVICE_CONNECT_PROXY,
    ServiceRegistryShape,
} from "./rules";
import { checkCloudMapServiceRef, fqdnOf, recordTypesOfRef } from "./serviceRefs";
import { checkComponentTags } from "./tagChecks";

/** How a DiscoverableFargateService is found, resolved from its arguments. */
export interface ServiceConnectSettings {
    readonly namespaceName: string;
    readonly name: string;
    readonly server: boolean;
    readonly portName: string;
    readonly dnsName: string;
    readonly aliasPort: number;
}

/** The arguments of a DiscoverableFargateService with their defaults applied. */
export interface FargateServiceSettings {
    /** The name the service is known by: its Cloud Map service name, else its Service Connect name. */
    readonly serviceName: string;
    /** The namespace of that name. */
    readonly namespaceName: string;
    readonly containerName: string;
    readonly ports: readonly number[];
    readonly discoveryPort: number;
    readonly cpu: number;
    readonly memory: number;
    readonly cpuArchitecture: CpuArchitecture;
    readonly desiredCount: number;
    readonly platformVersion: string;
    readonly enableExecuteCommand: boolean;
    /** The `serviceRegistries` block's container and port (SRV records carry a port, A records none); undefined without DNS discovery. */
    readonly registry?: ServiceRegistryShape;
    readonly serviceConnect?: ServiceConnectSettings;
    readonly logGroupName: string;
    readonly family: string;
}

/** CPU units of a task without Service Connect: Fargate's smallest size. */
const DEFAULT_CPU = 256;

// A service needs a name to be found by: a Cloud Map service, or a Service Connect name.
function nameOf(args: DiscoverableFargateServiceArgs): { serviceName: string; namespaceName: string } {
    const service = args.discovery?.name ?? args.serviceConnect?.name ?? "service";
    const namespace = args.discovery?.namespaceName ?? args.serviceConnect?.namespace?.name ?? "";
    return { serviceName: String(service), namespaceName: String(namespace) };
}

export function fargateServiceSettings(name: string, args: DiscoverableFargateServiceArgs): FargateServiceSettings {
    const { serviceName, namespaceName } = nameOf(args);
    const containerName = args.container?.name ?? serviceName.replace(/[^A-Za-z0-9_-]/g, "-");
    const discoveryPort = args.discoveryPort ?? args.container?.port;
    const sc = args.serviceConnect;
    return {
        serviceName,
        namespaceName,
        containerName,
        ports: [args.container?.port, ...(args.container?.additionalPorts ?? [])],
        discoveryPort,
        // The Service Connect proxy shares the task: AWS recommends 256 CPU units and 64 MiB more for it.
        cpu: args.cpu ?? (sc === undefined ? DEFAULT_CPU : DEFAULT_CPU + SERVICE_CONNECT_PROXY.cpu),
        // With the proxy, the smallest Fargate memory for 512 CPU units (room for the proxy's 64 MiB and more).
        memory: args.memory ?? (sc === undefined ? 512 : 1024),
        cpuArchitecture: args.cpuArchitecture ?? CpuArchitecture.X86_64,
        desiredCount: args.desiredCount ?? 2,
        platformVersion: args.platformVersion ?? "LATEST",
        enableExecuteCommand: args.enableExecuteCommand ?? false,
        registry: args.discovery === undefined || args.discovery === null
            ? undefined
            : recordTypesOfRef(args.discovery).includes(DnsRecordType.SRV) ? { containerName, containerPort: discoveryPort } : {},
        serviceConnect: sc === undefined ? undefined : {
            namespaceName: sc.namespace?.name,
            name: sc.name,
            server: sc.server ?? true,
            portName: sc.portName ?? sc.name,
            dnsName: sc.clientAliasDnsName ?? sc.name,
            aliasPort: sc.clientAliasPort ?? discoveryPort,
        },
        // The stack is part of the name: log group names are unique per account and region.
        logGroupName: `/ecs/${pulumi.getStack()}/${namespaceName}/${serviceName}`,
        family: `${pulumi.getStack()}-${name}`,
    } as FargateServiceSettings;
}

/**
 * ECS creates a Cloud Map service named after a Service Connect server's name, which must be
 * unique in the namespace (API_ServiceConnectService, discoveryName): refused when this program
 * already declared a service of that name there, through Service Connect or a DiscoverableService.
 */
export function checkServiceConnectNameUnique(name: string, args: DiscoverableFargateServiceArgs): Finding[] {
    const sc = args.serviceConnect;
    if (sc === undefined || sc.server === false) {
        return [];
    }
    return checkServiceNameUnique(sc.namespace, sc.name, `the Service Connect name of DiscoverableFargateService "${name}"`)
        .map((finding) => ({ ...finding, path: "serviceConnect.name" }));
}

/** Every rule the arguments break, each reported under the argument that breaks it. */
export function checkFargateServiceArgs(name: string, args: DiscoverableFargateServiceArgs, settings: FargateServiceSettings): Finding[] {
    if (args.container === null || typeof args.container !== "object") {
        return [{ rule: "ecs-container", path: "container", message: "No container was given.", fix: "Pass { image, port }." }];
    }
    const container = args.container;
    const containers: ContainerShape[] = [{ name: settings.containerName, portMappings: settings.ports.map((containerPort) => ({ containerPort })) }];
    return [
        ...checkCloudMapServiceRef(args.discovery, "discovery"),
        ...(args.reads ?? []).flatMap((resource, i) => checkCloudMapServiceRef(resource.service, `reads[${i}].service`)),
        ...checkDiscoveryTarget(args.discovery, args.serviceConnect !== undefined),
        ...checkServiceConnect(args, settings),
        ...checkContainerName(settings.containerName),
        ...(pulumi.Output.isInstance(container.image) ? [] : checkContainerImage(container.image, "container.image")),
        ...settings.ports.flatMap((port, i) => checkPort(port, i === 0 ? "container.port" : `container.additionalPorts[${i - 1}]`)),
        ...checkContainerSecrets(container.secrets, "container.secrets"),
        ...checkSecretNamesFree(container.environment, container.secrets, "container.secrets"),
        ...(container.healthCheck === undefined ? [] : checkContainerHealthCheck(container.healthCheck, "container.healthCheck")),
        ...checkFargateTaskSize(settings.cpu, settings.memory, { cpu: "cpu", memory: "memory" }),
        ...checkContainerMemory(container.memoryMiB, settings, args.serviceConnect !== undefined),
        ...checkOneOf(settings.cpuArchitecture, enumValues(CpuArchitecture), "ecs-cpu-architecture", "cpuArchitecture"),
        ...checkNoPublicIp(args.assignPublicIp, "assignPublicIp"),
        ...checkDiscoveryPort(args, settings, containers),
        ...checkDesiredCount(settings.desiredCount, "desiredCount"),
        ...(typeof args.vpcId === "string" ? checkVpcId(args.vpcId, "vpcId") : []),
        ...checkKnownSubnets(args.subnetIds),
        ...(typeof args.cluster?.arn === "string" ? checkEcsClusterArn(args.cluster.arn, "cluster.arn") : []),
        ...(args.enableExecuteCommand === undefined ? [] : checkBoolean(args.enableExecuteCommand, "enableExecuteCommand")),
        ...(args.assignPublicIp === undefined ? [] : checkBoolean(args.assignPublicIp, "assignPublicIp")),
        ...checkPlatformVersion(settings.platformVersion, { executeCommand: settings.enableExecuteCommand, serviceConnect: settings.serviceConnect !== undefined }, "platformVersion"),
        ...(args.capacityProviderStrategy === undefined ? [] : checkCapacityProviderStrategy(args.capacityProviderStrategy, settings.cpuArchitecture, "capacityProviderStrategy")),
        ...(args.deploymentCircuitBreaker === undefined ? [] : checkCircuitBreaker(args.deploymentCircuitBreaker, "deploymentCircuitBreaker")),
        ...(args.logRetentionDays === undefined ? [] : checkLogRetentionDays(args.logRetentionDays, "logRetentionDays")),
        ...checkComponentTags(args.tags, ["ecs", "iam", "ec2", "logs"], { "cloudmap-discovery:service": `${settings.serviceName}.${settings.namespaceName}` }),
        ...checkDerivedNames(name, settings),
    ];
}

/**
 * Names this component derives from its own name and the stack: the roles Pulumi names
 * `<name>-execution-<7 characters>`, the task family and the log group. A name too long for
 * them is reported under the component's name, before AWS refuses it.
 */
function checkDerivedNames(name: string, settings: FargateServiceSettings): Finding[] {
    const asName = (f: Finding): Finding => ({ ...f, path: `name (${f.path})` });
    return [
        ...checkIamRoleName(`${name}-execution-0000000`, "execution role name").map(asName),
        ...checkTaskFamily(settings.family, "task family").map(asName),
        ...checkLogGroupName(settings.logGroupName, "log group name").map(asName),
    ];
}

/** The subnets as far as they are known: the list when every id is, else each id that is. */
function checkKnownSubnets(subnetIds: unknown): Finding[] {
    if (!Array.isArray(subnetIds)) {
        return [];
    }
    return subnetIds.every((id) => typeof id === "string")
        ? checkSubnetIds(subnetIds, "subnetIds")
        : subnetIds.flatMap((id, i) => (typeof id === "string" ? checkSubnetId(id, `subnetIds[${i}]`) : []));
}

/** ECS registers task IP addresses: only a DNS service in a private namespace can hold them safely. */
function checkDiscoveryTarget(discovery: CloudMapServiceRef | undefined, serviceConnect: boolean): Finding[] {
    const rule = "ecs-registry-dns-service";
    if (discovery === undefined || discovery === null) {
        return serviceConnect ? [] : [{
            rule, path: "discovery",
            message: "Neither a Cloud Map service for DNS discovery nor Service Connect was given, so callers could not find the tasks.",
            fix: "Pass discovery (a DiscoverableService with SRV records), serviceConnect, or both.",
        }];
    }
    if (typeof discovery !== "object" || typeof discovery.name !== "string" || typeof discovery.namespaceName !== "string") {
        return [{ rule, path: "discovery", message: "The Cloud Map service reference has no name or namespace name.", fix: "Pass a DiscoverableService, or { name, namespaceName, serviceArn }." }];
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
 * The Service Connect configuration as it will be sent: names and ports AWS accepts, a namespace
 * that is not public (a deliberate default: this package keeps internal services out of public
 * namespaces, though Service Connect itself would accept one), and no name clash with the DNS
 * registration beside it.
 */
function checkServiceConnect(args: DiscoverableFargateServiceArgs, settings: FargateServiceSettings): Finding[] {
    const sc = args.serviceConnect;
    const resolved = settings.serviceConnect;
    if (sc === undefined || resolved === undefined) {
        return [];
    }
    if (sc === null || typeof sc !== "object" || sc.namespace === undefined || sc.namespace === null || typeof sc.namespace.name !== "string") {
        return [{ rule: "ecs-service-connect-service", path: "serviceConnect.namespace", message: "Service Connect needs the namespace its services share.", fix: "Pass an HttpNamespace or PrivateDnsNamespace as serviceConnect.namespace." }];
    }
    const findings: Finding[] = (["server", "proxyLogs"] as const).flatMap((flag) => (sc[flag] === undefined ? [] : checkBoolean(sc[flag], `serviceConnect.${flag}`)));
    if (sc.namespace.kind === NamespaceKind.PublicDns) {
        findings.push({
            rule: "ecs-service-connect-namespace",
            path: "serviceConnect.namespace",
            message: `"${sc.namespace.name}" is a public DNS namespace; Service Connect would accept it, but this package keeps internal services out of public namespaces.`,
            fix: "Use an HttpNamespace (AWS's recommendation for Service Connect) or a PrivateDnsNamespace.",
        });
    }
    findings.push(...checkPortMappingName({ name: resolved.portName, appProtocol: sc.appProtocol }, "serviceConnect")
        .map((f) => (f.path === "serviceConnect.name" && sc.portName !== undefined ? { ...f, path: "serviceConnect.portName" } : f)));
    if (resolved.server) {
        const mappings = [{ containerPort: settings.discoveryPort, name: resolved.portName, appProtocol: sc.appProtocol }];
        findings.push(...checkServiceConnectService({
            portName: resolved.portName,
            discoveryName: resolved.name,
            clientAlias: [{ port: resolved.aliasPort, dnsName: resolved.dnsName }],
            timeout: sc.idleTimeoutSeconds === undefined && sc.perRequestTimeoutSeconds === undefined
                ? undefined
                : { idleTimeoutSeconds: sc.idleTimeoutSeconds, perRequestTimeoutSeconds: sc.perRequestTimeoutSeconds },
            tls: sc.tls === undefined ? undefined : { issuerCertAuthority: { awsPcaAuthorityArn: pulumi.Output.isInstance(sc.tls.certificateAuthorityArn) ? undefined : sc.tls.certificateAuthorityArn } },
        }, mappings, "serviceConnect").filter((f) => !(pulumi.Output.isInstance(sc.tls?.certificateAuthorityArn) && f.path === "serviceConnect.tls")).map(inServiceConnectTerms));
    }
    if (args.discovery !== undefined && args.discovery !== null) {
        findings.push(...checkServiceConnectBesideRegistry(
            { namespaceName: args.discovery.namespaceName, serviceName: args.discovery.name },
            { namespaceName: resolved.namespaceName, discoveryName: resolved.name },
            "serviceConnect.name"));
    }
    // The port name and the alias name default to the service's name: a bad name is reported once, under the argument that holds it.
    const holder = (f: Finding): string =>
        f.path === "serviceConnect.clientAliasDnsName" && sc.clientAliasDnsName === undefined ? "serviceConnect.name" : f.path;
    const byPath = new Map<string, Finding>();
    for (const finding of findings) {
        const path = holder(finding);
        if (!byPath.has(path)) {
            byPath.set(path, { ...finding, path });
        }
    }
    return [...byPath.values()];
}

// The rulebook checks the ECS shape; report its paths as this component's arguments.
const SERVICE_CONNECT_ARGUMENT: readonly [RegExp, string][] = [
    [/^serviceConnect\.discoveryName/, "serviceConnect.name"],
    [/^serviceConnect\.clientAlias(\[0\])?\.dnsName/, "serviceConnect.clientAliasDnsName"],
    [/^serviceConnect\.clientAlias(\[0\])?\.port/, "serviceConnect.clientAliasPort"],
    [/^serviceConnect\.timeout\.idleTimeoutSeconds/, "serviceConnect.idleTimeoutSeconds"],
    [/^serviceConnect\.timeout\.perRequestTimeoutSeconds/, "serviceConnect.perRequestTimeoutSeconds"],
    [/^serviceConnect\.tls/, "serviceConnect.tls.certificateAuthorityArn"],
];

function inServiceConnectTerms(finding: Finding): Finding {
    return { ...finding, path: SERVICE_CONNECT_ARGUMENT.find(([field]) => field.test(finding.path))?.[1] ?? finding.path };
}

/** A container memory limit must fit the task, leaving the Service Connect proxy its share. */
function checkContainerMemory(memoryMiB: unknown, settings: FargateServiceSettings, serviceConnect: boolean): Finding[] {
    if (memoryMiB === undefined) {
        return [];
    }
    if (typeof memoryMiB !== "number" || !Number.isInteger(memoryMiB) || memoryMiB < 6 || memoryMiB > settings.memory) {
        return [{
            rule: "ecs-container-memory",
            path: "container.memoryMiB",
            message: `${JSON.stringify(memoryMiB)} MiB is not a container memory limit within the task's ${settings.memory} MiB (ECS needs at least 6 MiB; ECS API, ContainerDefinition).`,
            fix: `Use a whole number of MiB from 6 to ${settings.memory}, or leave it unset.`,
        }];
    }
    return serviceConnect ? checkServiceConnectHeadroom(settings.memory, [memoryMiB], "container.memoryMiB") : [];
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
    const findings = settings.registry?.containerPort === undefined
        ? checkContainerPortMapped(containers, settings.containerName, settings.discoveryPort, "")
        : checkServiceRegistries([settings.registry], { networkMode: "awsvpc", recordTypes: ["SRV"], containers });
    return findings.map((f) => ({ ...f, path: "discoveryPort" }));
}

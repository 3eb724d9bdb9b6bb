import { StackValidationPolicy } from "@pulumi/policy";
import { checkPlatformVersion, checkPortMappingName, checkServiceConnectBesideRegistry, checkServiceConnectService, Finding, ServiceConnectServiceShape } from "../../components/rules";
import { closedConfigSchema } from "../lib/closedConfig";
import { asString } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { serviceConnectNamespaceOf, serviceConnectOf, serviceConnectServicesOf } from "../lib/serviceConnect";
import { dependenciesVia, forEachKnown, namespaceOf, registriesOf } from "../lib/stackGraph";
import { serviceConnectContainersOf } from "../lib/taskDefinition";
import { isUnknownAt, Undecided } from "../lib/unknowns";

// What ECS CreateService rejects in a Service Connect configuration (API_ServiceConnectService,
// API_ServiceConnectClientAlias, API_PortMapping, API_TimeoutConfiguration, Private CA TLS): a
// port name no port mapping of the task has, more or fewer than one client alias, names and ports
// outside their patterns, per-request timeouts on TCP ports, a Fargate platform version before
// 1.4.0 — and a discovery name that is already the Cloud Map service the tasks register in for
// DNS, in the same namespace (names are unique in a namespace).
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html
export const awsEcsServiceServiceConnect: StackValidationPolicy = {
    name: "aws-ecs-service-service-connect",
    description: "Requires an ECS service's Service Connect configuration to match its task definition (named port, exactly one client alias, valid names, ports, timeouts and TLS, platform version 1.4.0 or later) and not to reuse its DNS registration's name, because ECS rejects it otherwise.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        const ecsServices = args.resources.filter((r) => r.type === TYPES.ecsService);
        forEachKnown(ecsServices, (ecsService) => {
            const configuration = serviceConnectOf(ecsService);
            if (configuration === undefined) {
                return;
            }
            const undecided = new Undecided();
            const [taskDefinition] = dependenciesVia(ecsService, "taskDefinition", TYPES.taskDefinition);
            const containers = taskDefinition === undefined || undecided.unknown(taskDefinition.props, "containerDefinitions")
                ? undefined
                : serviceConnectContainersOf(taskDefinition);
            const services = serviceConnectServicesOf(configuration);
            const findings: Finding[] = [
                ...services.flatMap((service, i) => checkServiceConnectService(service, containers?.portMappings, `serviceConnectConfiguration.services[${i}]`)),
                ...(containers?.portMappings ?? []).flatMap((mapping, i) => checkPortMappingName(mapping, `containerDefinitions portMappings[${i}]`)),
                // Unset platform versions are computed (the latest), unknown in a preview: not read then.
                ...(isUnknownAt(ecsService.props, "platformVersion") ? [] : platformFindings(ecsService.props.platformVersion)),
                ...besideRegistryFindings(ecsService, services),
            ];
            reportFindings(findings, reportViolation, ecsService.urn);
            undecided.settle();
        });
    },
};

/** Fargate platform versions before 1.4.0 have no Service Connect; unset means the latest. */
function platformFindings(platformVersion: unknown): Finding[] {
    const version = asString(platformVersion);
    return version === undefined ? [] : checkPlatformVersion(version, { serviceConnect: true }, "platformVersion");
}

/** A Service Connect discovery name that is the name of the Cloud Map service the tasks register in, in the same namespace. */
function besideRegistryFindings(ecsService: Parameters<typeof registriesOf>[0], services: readonly ServiceConnectServiceShape[]): Finding[] {
    const [registry] = registriesOf(ecsService);
    const registryNamespace = registry === undefined ? undefined : namespaceOf(registry);
    const serviceConnectNamespace = serviceConnectNamespaceOf(ecsService);
    if (registry === undefined || registryNamespace === undefined || serviceConnectNamespace?.resource !== registryNamespace) {
        return [];
    }
    const namespaceName = asString(registryNamespace.props.name) ?? registryNamespace.name;
    const registryName = asString(registry.props.name);
    return registryName === undefined ? [] : services.flatMap((service, i) => {
        // Without a discovery name ECS names the Cloud Map service after the port; a name that is not text is the other rules' to report.
        const discoveryName = service.discoveryName === undefined ? service.portName : service.discoveryName;
        return typeof discoveryName !== "string" ? [] : checkServiceConnectBesideRegistry(
            { namespaceName, serviceName: registryName }, { namespaceName, discoveryName }, `serviceConnectConfiguration.services[${i}].discoveryName`);
    });
}

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { checkServiceRegistries, recordTypesOf, ServiceRegistryShape } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { registeringEcsServices } from "../lib/discoverable";
import { asBlock, asNumber, asString } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, forEachKnown, registriesOf } from "../lib/stackGraph";
import { containersOf } from "../lib/taskDefinition";
import { isUnknownAt, Undecided } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

/**
 * The task's network mode. `networkMode` and `launchType` are optional and computed, so a
 * preview sends them unknown when the program left them unset. Fargate tasks always use
 * awsvpc; otherwise an unknown mode or launch type leaves the mode rules undecided, and no
 * mode at all (the task definition is not in this stack) leaves them out.
 */
function networkModeOf(ecsService: PolicyResource, taskDefinition: PolicyResource | undefined, undecided: Undecided): string | undefined {
    const networkMode = taskDefinition === undefined || isUnknownAt(taskDefinition.props, "networkMode") ? undefined : asString(taskDefinition.props.networkMode);
    if (networkMode !== undefined) {
        return networkMode;
    }
    if (!isUnknownAt(ecsService.props, "launchType") && asString(ecsService.props.launchType) === "FARGATE") {
        return "awsvpc";
    }
    if (taskDefinition !== undefined) {
        undecided.unknown(taskDefinition.props, "networkMode");
    }
    undecided.unknown(ecsService.props, "launchType");
    return undefined;
}

// CreateService rejects registries that do not fit the task's network mode and the Cloud Map
// service's records (API_ServiceRegistry): SRV in awsvpc needs containerName+containerPort or
// port, bridge/host need containerName+containerPort and SRV, A-only records take no port, and
// the container and port must exist in the task definition.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html
export const awsEcsServiceCloudmapRegistry: StackValidationPolicy = {
    name: "aws-ecs-service-cloudmap-registry",
    description: "Requires an ECS service's serviceRegistries to match its task definition (network mode, container, port) and its Cloud Map service's records, because ECS rejects mismatched registries.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        forEachKnown(registeringEcsServices(args.resources), (ecsService) => {
            const undecided = new Undecided();
            const [taskDefinition] = dependenciesVia(ecsService, "taskDefinition", TYPES.taskDefinition);
            const [cloudMapService] = registriesOf(ecsService);
            // @pulumi/aws models serviceRegistries as one object (ECS allows a single registry);
            // its registryArn is unknown in a preview and not needed.
            const registry = asBlock(ecsService.props.serviceRegistries);
            if (registry === undefined) {
                return; // not a registry the provider accepts: it reports that itself
            }
            const shape: ServiceRegistryShape = {
                port: asNumber(registry.port), containerName: asString(registry.containerName), containerPort: asNumber(registry.containerPort),
            };
            reportFindings(checkServiceRegistries([shape], {
                networkMode: networkModeOf(ecsService, taskDefinition, undecided),
                recordTypes: cloudMapService === undefined ? undefined : recordTypesOf(cloudMapServiceShape(cloudMapService)),
                containers: taskDefinition === undefined || undecided.unknown(taskDefinition.props, "containerDefinitions")
                    ? undefined
                    : containersOf(taskDefinition),
            }), reportViolation, ecsService.urn);
            undecided.settle();
        });
    },
};

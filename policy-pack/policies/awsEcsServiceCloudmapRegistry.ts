import { StackValidationPolicy } from "@pulumi/policy";
import { checkServiceRegistries, recordTypesOf } from "../../components/rules";
import { discoverableEcsServices } from "../lib/discoverable";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, forEachKnown, registriesOf } from "../lib/stackGraph";
import { containersOf } from "../lib/taskDefinition";

// CreateService rejects registries that do not fit the task's network mode and the Cloud Map
// service's records (API_ServiceRegistry): SRV in awsvpc needs containerName+containerPort or
// port, bridge/host need containerName+containerPort and SRV, A-only records take no port, and
// the container and port must exist in the task definition.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html
export const awsEcsServiceCloudmapRegistry: StackValidationPolicy = {
    name: "aws-ecs-service-cloudmap-registry",
    description: "Requires an ECS service's serviceRegistries to match its task definition (network mode, container, port) and its Cloud Map service's records, because ECS rejects mismatched registries.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        const ecsServices = discoverableEcsServices(args.resources);
        forEachKnown(ecsServices, (ecsService) => {
            const [taskDefinition] = dependenciesVia(ecsService, "taskDefinition", TYPES.taskDefinition);
            const [cloudMapService] = registriesOf(ecsService);
            // @pulumi/aws models serviceRegistries as one object (ECS allows a single registry).
            reportFindings(checkServiceRegistries([ecsService.props.serviceRegistries], {
                // Fargate tasks always use awsvpc; otherwise the mode is unknown without the task definition.
                networkMode: taskDefinition?.props.networkMode ?? (ecsService.props.launchType === "FARGATE" ? "awsvpc" : undefined),
                recordTypes: cloudMapService === undefined ? undefined : recordTypesOf(cloudMapService.props),
                containers: taskDefinition === undefined ? undefined : containersOf(taskDefinition),
            }), reportViolation, ecsService.urn);
        });
    },
};

import { StackValidationPolicy } from "@pulumi/policy";
import { checkServiceConnectHeadroom, describeValue, Finding, NamespaceKind } from "../../components/rules";
import { closedConfigSchema } from "../lib/closedConfig";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { serviceConnectNamespaceOf, serviceConnectOf } from "../lib/serviceConnect";
import { dependenciesVia, forEachKnown } from "../lib/stackGraph";
import { serviceConnectContainersOf } from "../lib/taskDefinition";
import { Undecided } from "../lib/unknowns";

// What AWS accepts but bites: Service Connect in a public DNS namespace (AWS allows any namespace
// kind, but a public namespace is no place for internal services; AWS recommends HTTP
// namespaces), and a task whose containers leave the Service Connect proxy less than the 64 MiB
// AWS recommends ("Service Connect considerations": the proxy shares the task's memory).
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html
export const awsEcsServiceServiceConnectFit: StackValidationPolicy = {
    name: "aws-ecs-service-service-connect-fit",
    description: "Warns when an ECS service uses Service Connect in a public DNS namespace, or its task leaves the Service Connect proxy less than 64 MiB of memory, because internal names belong in private namespaces and a starved proxy fails calls.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.ecsService), (ecsService) => {
            if (serviceConnectOf(ecsService) === undefined) {
                return;
            }
            const undecided = new Undecided();
            const findings: Finding[] = [];
            const namespace = serviceConnectNamespaceOf(ecsService);
            if (namespace?.kind === NamespaceKind.PublicDns) {
                findings.push({
                    rule: "ecs-service-connect-namespace",
                    path: "serviceConnectConfiguration.namespace",
                    message: `Service Connect uses public DNS namespace ${describeValue(namespace.resource.name)}; internal services belong in an HTTP or private DNS namespace.`,
                    fix: "Use an HTTP namespace (AWS's recommendation for Service Connect) or a private DNS namespace.",
                });
            }
            const [taskDefinition] = dependenciesVia(ecsService, "taskDefinition", TYPES.taskDefinition);
            if (taskDefinition !== undefined && !undecided.unknown(taskDefinition.props, "containerDefinitions") && !undecided.unknown(taskDefinition.props, "memory")) {
                const containers = serviceConnectContainersOf(taskDefinition);
                if (containers !== undefined) {
                    findings.push(...checkServiceConnectHeadroom(taskDefinition.props.memory, containers.memory, "memory"));
                }
            }
            reportFindings(findings, reportViolation, ecsService.urn);
            undecided.settle();
        });
    },
};

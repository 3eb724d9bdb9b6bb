import * as rules from "../../components/rules";
import { Finding, TaggedService } from "../../components/rules";
import { RecordedResource } from "../../engine/resourceGraph";

/**
 * An independent reading of what AWS accepts, applied to what a component actually sends: each
 * recorded AWS resource's inputs against every rulebook limit for its type. A component that
 * accepted its arguments must produce inputs with no finding here.
 */
const TAGGED: Readonly<Record<string, TaggedService>> = {
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": "cloudmap",
    "aws:servicediscovery/httpNamespace:HttpNamespace": "cloudmap",
    "aws:servicediscovery/service:Service": "cloudmap",
    "aws:ecs/cluster:Cluster": "ecs",
    "aws:ecs/service:Service": "ecs",
    "aws:ecs/taskDefinition:TaskDefinition": "ecs",
    "aws:iam/role:Role": "iam",
    "aws:ec2/securityGroup:SecurityGroup": "ec2",
    "aws:ec2/vpc:Vpc": "ec2",
    "aws:ec2/subnet:Subnet": "ec2",
    "aws:cloudwatch/logGroup:LogGroup": "logs",
    "aws:dynamodb/table:Table": "dynamodb",
};

type Inputs = Readonly<Record<string, unknown>>;

const BY_TYPE: Readonly<Record<string, (inputs: Inputs, resource: RecordedResource) => Finding[]>> = {
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": (i) => [
        ...rules.checkNamespaceName(i.name), ...rules.checkDescription(i.description, "cloudmap-namespace"),
    ],
    "aws:servicediscovery/httpNamespace:HttpNamespace": (i) => [
        ...rules.checkHttpNamespaceName(i.name), ...rules.checkDescription(i.description, "cloudmap-namespace"),
    ],
    "aws:servicediscovery/service:Service": (i) => [
        ...rules.checkServiceName(i.name, i.dnsConfig === undefined ? undefined : "quickship.local"),
        ...rules.checkDiscoveryMode(i as rules.CloudMapServiceShape),
        ...rules.checkHealthChecks(i as rules.CloudMapServiceShape),
        ...rules.checkDescription(i.description, "cloudmap-service"),
    ],
    "aws:servicediscovery/instance:Instance": (i) => [
        ...rules.checkInstanceId(i.instanceId),
        ...rules.checkInstanceAttributeLimits(i.attributes),
        ...rules.checkReservedAttributeValues(i.attributes),
    ],
    "aws:ecs/taskDefinition:TaskDefinition": (i) => {
        const containers = JSON.parse(String(i.containerDefinitions)) as Record<string, unknown>[];
        return [
            ...rules.checkTaskDefinitionSize(i.cpu, i.memory),
            ...rules.checkTaskFamily(i.family),
            ...containers.flatMap((c) => [
                ...rules.checkContainerName(c.name),
                ...rules.checkContainerImage(c.image),
                ...(c.portMappings as Record<string, unknown>[]).flatMap((m) => [...rules.checkPort(m.containerPort, "containerPort"), ...rules.checkPortMappingName(m, "portMapping")]),
                ...rules.checkContainerSecrets(c.secrets, "secrets"),
                ...(c.healthCheck === undefined ? [] : rules.checkContainerHealthCheck(renamedHealthCheck(c.healthCheck as Record<string, unknown>), "healthCheck")),
            ]),
        ];
    },
    "aws:ecs/service:Service": (i) => [
        ...rules.checkDesiredCount(i.desiredCount),
        ...(i.platformVersion === undefined ? [] : rules.checkPlatformVersion(i.platformVersion, { executeCommand: i.enableExecuteCommand === true }, "platformVersion")),
        ...(i.capacityProviderStrategies === undefined ? [] : rules.checkCapacityProviderStrategy(i.capacityProviderStrategies, undefined, "capacityProviderStrategies")),
        ...rules.checkCircuitBreaker(i.deploymentCircuitBreaker, "deploymentCircuitBreaker"),
        ...((i.serviceConnectConfiguration as { services?: unknown[] } | undefined)?.services ?? [])
            .flatMap((s) => rules.checkServiceConnectService(s, undefined, "serviceConnectConfiguration.services")),
    ],
    "aws:cloudwatch/logGroup:LogGroup": (i) => [...rules.checkLogGroupName(i.name), ...rules.checkLogRetentionDays(i.retentionInDays)],
    "aws:iam/role:Role": (i) => [...rules.checkDescription(i.description, "iam-role")],
    "aws:ec2/securityGroup:SecurityGroup": (i) => [...rules.checkDescription(i.description, "ec2-security-group")],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (i) => [
        ...rules.checkDescription(i.description, "ec2-security-group-rule"), ...rules.checkPort(i.fromPort, "fromPort"),
    ],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (i) => [
        ...rules.checkDescription(i.description, "ec2-security-group-rule"), ...rules.checkPort(i.fromPort, "fromPort"),
    ],
    "aws:dynamodb/table:Table": (i) => rules.checkDynamoDbTableName(i.name),
};

// The container definition names a health check's settings as ECS does; the rule reads the components' names.
function renamedHealthCheck(hc: Record<string, unknown>): Record<string, unknown> {
    return { command: hc.command, intervalSeconds: hc.interval, timeoutSeconds: hc.timeout, retries: hc.retries, startPeriodSeconds: hc.startPeriod };
}

/** Every limit the rulebook knows that a recorded AWS resource's inputs break. */
export function awsLimitFindings(resource: RecordedResource): Finding[] {
    const inputs = resource.inputs;
    const tagService = TAGGED[resource.type];
    return [
        ...(BY_TYPE[resource.type]?.(inputs, resource) ?? []),
        ...(tagService === undefined || inputs.tags === undefined ? [] : rules.checkTags(inputs.tags, tagService)),
    ];
}

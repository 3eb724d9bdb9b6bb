import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Small AWS topologies for policy tests: a discoverable Fargate service and the pieces around
 * it, each overridable so a test changes exactly the setting it is about.
 */

export function privateNamespace(name = "quickship.local"): aws.servicediscovery.PrivateDnsNamespace {
    return new aws.servicediscovery.PrivateDnsNamespace("ns", { name, vpc: "vpc-0123456789abcdef0" });
}

export function cloudMapService(
    namespaceId: aws.servicediscovery.PrivateDnsNamespace["id"],
    overrides: Partial<aws.servicediscovery.ServiceArgs> = {},
    name = "inventory-manager",
): aws.servicediscovery.Service {
    return new aws.servicediscovery.Service(name, {
        name,
        dnsConfig: { namespaceId, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "SRV", ttl: 10 }] },
        healthCheckCustomConfig: { failureThreshold: 1 },
        forceDestroy: true,
        ...overrides,
    });
}

export const CONTAINERS = JSON.stringify([{ name: "app", image: "nginx", portMappings: [{ containerPort: 8080 }] }]);

export interface EcsFixtureOptions {
    readonly service?: Partial<aws.servicediscovery.ServiceArgs>;
    readonly registry?: Partial<aws.types.input.ecs.ServiceServiceRegistries>;
    readonly taskDefinition?: Partial<aws.ecs.TaskDefinitionArgs>;
    readonly ecsService?: Partial<aws.ecs.ServiceArgs>;
    readonly assignPublicIp?: boolean;
    readonly securityGroup?: Partial<aws.ec2.SecurityGroupArgs>;
}

/** A private namespace, an SRV Cloud Map service and a Fargate ECS service registered in it. */
export function discoverableFargate(options: EcsFixtureOptions = {}): { service: aws.servicediscovery.Service; securityGroup: aws.ec2.SecurityGroup } {
    const namespace = privateNamespace();
    const service = cloudMapService(namespace.id, options.service);
    const taskDefinition = new aws.ecs.TaskDefinition("task", {
        family: "inventory-manager",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: CONTAINERS,
        ...options.taskDefinition,
    });
    const securityGroup = new aws.ec2.SecurityGroup("sg", { vpcId: "vpc-0123456789abcdef0", ...options.securityGroup });
    new aws.ecs.Service("ecs", {
        name: "inventory-manager",
        cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/quickship",
        taskDefinition: taskDefinition.arn,
        launchType: "FARGATE",
        desiredCount: 1,
        networkConfiguration: { subnets: ["subnet-1"], securityGroups: [securityGroup.id], assignPublicIp: options.assignPublicIp ?? false },
        serviceRegistries: { registryArn: service.arn, containerName: "app", containerPort: 8080, ...options.registry },
        ...options.ecsService,
    });
    return { service, securityGroup };
}

/** An API-only service in an HTTP namespace and one instance with the given attributes. */
export function apiOnlyInstance(attributes: Record<string, pulumi.Input<string>>): aws.servicediscovery.Instance {
    const namespace = new aws.servicediscovery.HttpNamespace("http-ns", { name: "quickship" });
    const service = new aws.servicediscovery.Service("user-auth-db", {
        name: "user-auth-db", namespaceId: namespace.id, type: "HTTP", forceDestroy: true,
    });
    return new aws.servicediscovery.Instance("user-auth-table", { instanceId: "user-auth-table", serviceId: service.id, attributes });
}

/** A policy document of one statement, as JSON. */
export function policyJson(statement: Record<string, unknown>): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

/** A role ECS tasks can assume (trust policy for ecs-tasks.amazonaws.com). */
export function ecsTasksRole(name = "task-role", overrides: Partial<aws.iam.RoleArgs> = {}): aws.iam.Role {
    return new aws.iam.Role(name, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        ...overrides,
    });
}

/** An ECS task role with one inline policy document. */
export function taskRoleWithPolicy(statement: Record<string, unknown>): aws.iam.Role {
    const role = ecsTasksRole();
    new aws.iam.RolePolicy("task-policy", { role: role.name, policy: policyJson(statement) });
    return role;
}

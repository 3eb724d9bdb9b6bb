import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ContainerSecretArgs } from "./fargateServiceArgs";
import { ecsTasksTrustPolicy, policyDocument, PolicyStatement } from "./iamStatements";
import { checkContainerSecrets, secretSourceOf, throwOnFindings } from "./rules";

/** The two roles of a Fargate service: the agent's (execution) and the application's (task). */
export interface TaskRoles {
    readonly executionRole: aws.iam.Role;
    readonly taskRole: aws.iam.Role;
}

export interface TaskRolesArgs {
    /** `<service>.<namespace>` or another label, for descriptions. */
    readonly label: string;
    readonly secrets: readonly ContainerSecretArgs[];
    readonly enableExecuteCommand: boolean;
    readonly taskRoleStatements: readonly PolicyStatement[];
    readonly taskRoleManagedPolicyArns: readonly pulumi.Input<string>[];
    readonly tags: Record<string, string>;
}

// ECS Exec: the task role needs the SSM Session Manager channel actions, which have no resource
// types (Service Authorization Reference, Amazon Session Manager Message Gateway Service), so "*".
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions
const ECS_EXEC_STATEMENT: PolicyStatement = {
    Sid: "EcsExec",
    Effect: "Allow",
    Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
    Resource: ["*"],
};

/**
 * Creates the execution role (image pulls, logs, and exactly the secrets the container reads)
 * and the task role (ECS Exec channels, the caller's own statements and managed policies; the
 * discovery grants of its calls and reads are added by the edges that need them).
 */
export function createTaskRoles(name: string, args: TaskRolesArgs, parent: pulumi.Resource): TaskRoles {
    const executionRole = new aws.iam.Role(`${name}-execution`, {
        description: `Lets ECS pull the image, write logs and read the secrets of ${args.label}`,
        assumeRolePolicy: ecsTasksTrustPolicy(),
        tags: args.tags,
    }, { parent });
    new aws.iam.RolePolicyAttachment(`${name}-execution`, {
        role: executionRole.name,
        policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy,
    }, { parent });
    if (args.secrets.length > 0) {
        new aws.iam.RolePolicy(`${name}-execution-secrets`, { role: executionRole.name, policy: secretsPolicy(name, args.secrets) }, { parent });
    }

    const taskRole = new aws.iam.Role(`${name}-task`, {
        description: `Identity of ${args.label} tasks`,
        assumeRolePolicy: ecsTasksTrustPolicy(),
        tags: args.tags,
    }, { parent });
    if (args.enableExecuteCommand) {
        new aws.iam.RolePolicy(`${name}-exec`, { role: taskRole.name, policy: policyDocument([ECS_EXEC_STATEMENT]) }, { parent });
    }
    if (args.taskRoleStatements.length > 0) {
        new aws.iam.RolePolicy(`${name}-task`, { role: taskRole.name, policy: policyDocument(args.taskRoleStatements) }, { parent });
    }
    args.taskRoleManagedPolicyArns.forEach((policyArn, i) => {
        new aws.iam.RolePolicyAttachment(`${name}-task-${i}`, { role: taskRole.name, policyArn }, { parent });
    });
    return { executionRole, taskRole };
}

/**
 * Read access to exactly the container's secrets: GetSecretValue on each Secrets Manager secret,
 * GetParameters on each SSM parameter, Decrypt with each customer managed key
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html#task-execution-secrets).
 * Sources that are Outputs are checked once known; one that is no such ARN fails the run.
 */
function secretsPolicy(name: string, secrets: readonly ContainerSecretArgs[]): pulumi.Output<string> {
    return pulumi.all(secrets.map((s) => s.valueFrom)).apply((sources) => {
        throwOnFindings("DiscoverableFargateService", name,
            checkContainerSecrets(secrets.map((secret, i) => ({ name: secret.name, valueFrom: sources[i] })), "container.secrets"));
        const grants = sources.map((valueFrom) => secretSourceOf(valueFrom)!);
        const arnsOf = (service: string) => [...new Set(grants.filter((g) => g.service === service).map((g) => g.grantArn))];
        const keys = secrets.flatMap((s) => (s.kmsKeyArn === undefined ? [] : [s.kmsKeyArn]));
        const statements: PolicyStatement[] = [
            ...(arnsOf("secretsmanager").length > 0 ? [{ Sid: "ReadSecrets", Action: ["secretsmanager:GetSecretValue"], Resource: arnsOf("secretsmanager") }] : []),
            ...(arnsOf("ssm").length > 0 ? [{ Sid: "ReadParameters", Action: ["ssm:GetParameters"], Resource: arnsOf("ssm") }] : []),
            ...(keys.length > 0 ? [{ Sid: "DecryptSecrets", Action: ["kms:Decrypt"], Resource: keys }] : []),
        ];
        return policyDocument(statements);
    });
}

import * as pulumi from "@pulumi/pulumi";
import { PolicyEffect } from "./rules/enums";

/**
 * An IAM policy statement as plain data; values may still be Outputs (ARNs of resources being
 * created). Plain so that other Pulumi languages can pass statements too: `Resource` is always a
 * list and condition values are lists, which IAM reads the same as single values.
 */
export interface PolicyStatement {
    /** Statement id: letters and digits only, unique in a policy. Default: none. */
    readonly Sid?: string;
    /** Allow or Deny. Default: "Allow". */
    readonly Effect?: PolicyEffect;
    readonly Action: string[];
    readonly Resource: pulumi.Input<string>[];
    /** Condition operator → key → values, e.g. `{ StringEquals: { "aws:ResourceTag/team": ["a"] } }`. Default: none. */
    readonly Condition?: Record<string, Record<string, string[]>>;
}

/**
 * Renders statements as a JSON policy document, waiting for any Output inside. Statement ids
 * must be unique within a policy, so a repeated one gets a numeric suffix.
 */
export function policyDocument(statements: readonly PolicyStatement[]): pulumi.Output<string> {
    const seen = new Map<string, number>();
    const unique = statements.map((statement) => {
        const withEffect = { ...statement, Effect: statement.Effect ?? "Allow" };
        if (statement.Sid === undefined) {
            return withEffect;
        }
        const count = (seen.get(statement.Sid) ?? 0) + 1;
        seen.set(statement.Sid, count);
        return count === 1 ? withEffect : { ...withEffect, Sid: `${statement.Sid}${count}` };
    });
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: unique });
}

/** Trust policy letting ECS tasks assume a role. */
export function ecsTasksTrustPolicy(): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
}

/** The Cloud Map service a discovery grant is for. */
export interface DiscoveryGrantTarget {
    readonly namespaceName: string;
    readonly serviceName: string;
    readonly namespaceArn?: pulumi.Input<string>;
    readonly serviceArn?: pulumi.Input<string>;
}

/**
 * DiscoverInstances for one service, as tight as what is known allows. The Service Authorization
 * Reference for AWS Cloud Map lists the namespace and the service as DiscoverInstances' required
 * resource types (so a Resource list must cover both) and servicediscovery:NamespaceName /
 * ServiceName as its condition keys
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html).
 * The statement always carries the name conditions (all a caller of a service in another stack may
 * know) and names the ARNs it is given: both, or one of them with the other resource type left to
 * the name condition within the same account and region; without ARNs, Resource is `*`.
 */
export function discoverInstancesStatement(target: DiscoveryGrantTarget): PolicyStatement {
    const { namespaceName, serviceName, namespaceArn, serviceArn } = target;
    const resource = namespaceArn !== undefined && serviceArn !== undefined
        ? [namespaceArn, serviceArn]
        : serviceArn !== undefined
            ? [serviceArn, siblingWildcard(serviceArn, "namespace")]
            : namespaceArn !== undefined
                ? [namespaceArn, siblingWildcard(namespaceArn, "service")]
                : ["*"];
    return {
        Sid: sid("Discover", serviceName),
        Effect: "Allow",
        Action: ["servicediscovery:DiscoverInstances"],
        Resource: resource,
        Condition: {
            StringEquals: {
                "servicediscovery:NamespaceName": [namespaceName],
                "servicediscovery:ServiceName": [serviceName],
            },
        },
    };
}

/** `arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1` → `arn:aws:servicediscovery:us-east-1:123456789012:namespace/*`. */
function siblingWildcard(arn: pulumi.Input<string>, resourceType: "namespace" | "service"): pulumi.Output<string> {
    return pulumi.output(arn).apply((value) => `${value.split(":").slice(0, 5).join(":")}:${resourceType}/*`);
}

/** Read-only item access to one DynamoDB table and its indexes; no Scan, no writes. */
export function dynamoDbReadStatement(name: string, tableArn: pulumi.Input<string>): PolicyStatement {
    return {
        Sid: sid("Read", name),
        Effect: "Allow",
        Action: ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"],
        Resource: [tableArn, pulumi.interpolate`${tableArn}/index/*`],
    };
}

// Statement ids are alphanumeric only.
function sid(verb: string, name: string): string {
    return verb + name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("");
}

/** Consuming messages from one SQS queue: receive, delete, extend visibility, read its attributes; no send, no purge. */
export function sqsConsumeStatement(name: string, queueArn: pulumi.Input<string>): PolicyStatement {
    return {
        Sid: sid("Consume", name),
        Effect: "Allow",
        Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
        Resource: [queueArn],
    };
}

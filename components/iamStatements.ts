import * as pulumi from "@pulumi/pulumi";

/** An IAM policy statement whose values may still be Outputs (ARNs of resources being created). */
export interface PolicyStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Action: string[];
    readonly Resource: pulumi.Input<string> | pulumi.Input<string>[];
    readonly Principal?: Record<string, string>;
    readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * Renders statements as a JSON policy document, waiting for any Output inside. Statement ids
 * must be unique within a policy, so a repeated one gets a numeric suffix.
 */
export function policyDocument(statements: readonly PolicyStatement[]): pulumi.Output<string> {
    const seen = new Map<string, number>();
    const unique = statements.map((statement) => {
        if (statement.Sid === undefined) {
            return statement;
        }
        const count = (seen.get(statement.Sid) ?? 0) + 1;
        seen.set(statement.Sid, count);
        return count === 1 ? statement : { ...statement, Sid: `${statement.Sid}${count}` };
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

/**
 * DiscoverInstances for one service. The action has no resource-level permissions, so it
 * is narrowed with the `servicediscovery:NamespaceName` / `ServiceName` condition keys
 * (Service Authorization Reference for AWS Cloud Map).
 */
export function discoverInstancesStatement(namespaceName: string, serviceName: string): PolicyStatement {
    return {
        Sid: sid("Discover", serviceName),
        Effect: "Allow",
        Action: ["servicediscovery:DiscoverInstances"],
        Resource: "*",
        Condition: {
            StringEquals: {
                "servicediscovery:NamespaceName": namespaceName,
                "servicediscovery:ServiceName": serviceName,
            },
        },
    };
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

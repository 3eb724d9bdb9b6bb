import { awsManagedPolicyName, Finding } from "../../components/rules";

/**
 * AWS-managed policies too broad for an ECS task role, with what each grants. Their documents
 * are AWS's, not in the stack, so they are recognised by name.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
const OVERBROAD_MANAGED_POLICIES: ReadonlyMap<string, string> = new Map([
    ["AdministratorAccess", "every action on every resource"],
    ["PowerUserAccess", "every action on every resource outside IAM and Organizations"],
    ["AmazonDynamoDBFullAccess", "dynamodb:* on every table, and more"],
    ["AWSCloudMapFullAccess", "servicediscovery:* on every namespace and service, and Route 53 hosted-zone changes"],
    ["AmazonRoute53AutoNamingFullAccess", "servicediscovery:* and Route 53 hosted-zone, record and health-check changes"],
]);

/** Flags an attached AWS-managed policy that grants a task far more than it needs. */
export function checkManagedPolicyArn(policyArn: string, path: string): Finding[] {
    const name = awsManagedPolicyName(policyArn);
    const grants = name === undefined ? undefined : OVERBROAD_MANAGED_POLICIES.get(name);
    if (grants === undefined) {
        return [];
    }
    return [{
        rule: "iam-least-privilege",
        path,
        message: `AWS-managed policy ${name} grants ${grants}.`,
        fix: "Attach a policy of your own that lists the actions the task uses on its own resources " +
            "(DiscoverInstances with namespace/service conditions, GetItem/Query on the table ARN).",
    }];
}

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { findOverbroadGrants, Finding } from "../../components/rules";
import { checkManagedPolicyArn } from "../lib/managedPolicies";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, dependentsVia, forEachKnown } from "../lib/stackGraph";
import { isUnknownAt, Undecided, valuesKeepingUnknowns } from "../lib/unknowns";

/**
 * A role ECS tasks run as: a task definition in the stack names it `taskRoleArn`, or — when no
 * task definition uses it at all — its trust policy names ecs-tasks.amazonaws.com. A role used
 * only as an `executionRoleArn` (the agent's identity, with AmazonECSTaskExecutionRolePolicy)
 * is not one.
 */
function isTaskRole(role: PolicyResource, resources: readonly PolicyResource[]): boolean {
    if (dependentsVia(resources, role, "taskRoleArn", TYPES.taskDefinition).length > 0) {
        return true;
    }
    if (dependentsVia(resources, role, "executionRoleArn", TYPES.taskDefinition).length > 0) {
        return false;
    }
    const trust = role.props.assumeRolePolicy;
    return (typeof trust === "string" ? trust : JSON.stringify(trust ?? {})).includes("ecs-tasks.amazonaws.com");
}

/** Resources of `type` whose `property` came from the role, or names it literally. */
function attachedTo(resources: readonly PolicyResource[], role: PolicyResource, property: string, type: string): PolicyResource[] {
    const roleName = isUnknownAt(role.props, "name") ? undefined : role.props.name;
    const names = (r: PolicyResource): unknown[] => {
        if (isUnknownAt(r.props, property) || r.props[property] === undefined) {
            return [];
        }
        const value = r.props[property];
        return typeof value === "object" && value !== null ? valuesKeepingUnknowns(value) : [value];
    };
    return resources.filter((r) => r.type === type &&
        (dependenciesVia(r, property).includes(role) || (roleName !== undefined && names(r).includes(roleName))));
}

/** The over-broad grants of a policy document at `holder[key]`; an unknown document is left undecided. */
function documentFindings(holder: Record<string, unknown>, key: string, path: string, undecided: Undecided): Finding[] {
    if (undecided.unknown(holder, key)) {
        return [];
    }
    try {
        return findOverbroadGrants(holder[key], path);
    } catch (error) {
        if (error instanceof SyntaxError) {
            return []; // not JSON: the provider rejects it with a better message
        }
        throw error;
    }
}

interface Grant {
    /** Where the grant is declared, which is where it is reported. */
    readonly resource: PolicyResource;
    readonly findings: Finding[];
}

/**
 * What the policy ARNs at `holder.props[key]` grant: the documents of customer-managed
 * policies in the stack they came from, and AWS-managed policies by name. An unknown ARN
 * with no policy of this stack behind it is left undecided.
 */
function policyArnGrants(holder: PolicyResource, key: "managedPolicyArns" | "policyArn", undecided: Undecided): Grant[] {
    const customer = dependenciesVia(holder, key, TYPES.iamPolicy);
    // Where each ARN sits: the one policyArn, or each entry of the managedPolicyArns list.
    const list: Record<string, unknown> = key === "policyArn" ? holder.props : holder.props.managedPolicyArns ?? [];
    const entries = key === "policyArn" ? [key] : Object.keys(list);
    const managed = entries.flatMap((entry) => {
        // An ARN not known yet belongs to a customer-managed policy of this stack when there is one.
        if (customer.length > 0 ? isUnknownAt(list, entry) : undecided.unknown(list, entry)) {
            return [];
        }
        const arn = list[entry];
        return typeof arn === "string" ? checkManagedPolicyArn(arn, key === "policyArn" ? key : `${key}[${entry}]`) : [];
    });
    return [
        { resource: holder, findings: managed },
        ...customer.map((policy) => ({ resource: policy, findings: documentFindings(policy.props, "policy", "policy", undecided) })),
    ];
}

/**
 * Every grant of a role: aws.iam.RolePolicy resources and the role's own `inlinePolicies`,
 * `managedPolicyArns`, aws.iam.RolePolicyAttachment and aws.iam.PolicyAttachment. The role's
 * two lists are optional and computed: a preview sends them unknown when the program left
 * them unset, i.e. when the grants are the separate resources, so unknown reads as none.
 */
function grantsOf(role: PolicyResource, resources: readonly PolicyResource[], undecided: Undecided): Grant[] {
    const rolePolicies = attachedTo(resources, role, "role", TYPES.iamRolePolicy)
        .map((p) => ({ resource: p, findings: documentFindings(p.props, "policy", "policy", undecided) }));
    const inline = isUnknownAt(role.props, "inlinePolicies") ? [] : Array.from(role.props.inlinePolicies ?? [],
        (entry: Record<string, unknown>, i) => ({ resource: role, findings: documentFindings(entry, "policy", `inlinePolicies[${i}].policy`, undecided) }));
    const managed = isUnknownAt(role.props, "managedPolicyArns") ? [] : policyArnGrants(role, "managedPolicyArns", undecided);
    const attachments = [
        ...attachedTo(resources, role, "role", TYPES.iamRolePolicyAttachment),
        ...attachedTo(resources, role, "roles", TYPES.iamPolicyAttachment),
    ].flatMap((attachment) => policyArnGrants(attachment, "policyArn", undecided));
    return [...rolePolicies, ...inline, ...managed, ...attachments];
}

// Least privilege (IAM user guide, "Security best practices in IAM"): a task needs
// DiscoverInstances scoped by namespace/service condition keys and table-level DynamoDB
// actions, never action wildcards (servicediscovery:*, dynamodb:Get*), scopable actions on "*"
// or on every table (table/*), or AWS-managed full-access policies such as AdministratorAccess
// or AmazonDynamoDBFullAccess.
export const awsIamRolePolicyTaskLeastPrivilege: StackValidationPolicy = {
    name: "aws-iam-role-policy-task-least-privilege",
    description: "Warns when an ECS task role is granted (inline, attached or by managed-policy ARN) action wildcards such as \"*\", dynamodb:* or dynamodb:Get*, NotAction, scopable actions on \"*\" or on an ARN that leaves the resource name to a wildcard (table/*), or an AWS-managed full-access policy, because a compromised task could then read or rewrite every namespace and table.",
    enforcementLevel: "advisory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.iamRole), (role) => {
            if (!isTaskRole(role, args.resources)) {
                return;
            }
            const undecided = new Undecided();
            for (const { resource, findings } of grantsOf(role, args.resources, undecided)) {
                reportFindings(findings.map((f) => ({ ...f, message: `${f.message} (task role "${role.name}")` })), reportViolation, resource.urn);
            }
            undecided.settle();
        });
    },
};

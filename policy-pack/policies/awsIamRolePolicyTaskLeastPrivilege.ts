import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { findOverbroadGrants, Finding } from "../../components/rules";
import { checkManagedPolicyArn } from "../lib/managedPolicies";
import { asBlocks, asJson, asString } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, dependentsVia, forEachKnown } from "../lib/stackGraph";
import { isUnknownAt, Undecided, valuesKeepingUnknowns } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

/**
 * A role the grants are attached to: a role of this stack, or one created elsewhere that this
 * stack only names (`role: "shared-task-role"`, a task definition's `taskRoleArn`).
 */
interface RoleRef {
    readonly resource?: PolicyResource;
    /** The role's name, when known. */
    readonly name?: string;
}

/**
 * The role name in a task definition's role field: ECS takes a role's ARN
 * (`arn:aws:iam::123456789012:role/[path/]name`) or its name.
 */
function roleNameIn(value: string): string {
    const arn = /^arn:[^:]+:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(value);
    return arn !== null ? arn[1] : value;
}

/** The names of the roles task definitions name in `property` (taskRoleArn or executionRoleArn), where known. */
function rolesNamedBy(taskDefinitions: readonly PolicyResource[], property: string): Set<string> {
    return new Set(taskDefinitions.flatMap((td) => {
        const value = isUnknownAt(td.props, property) ? undefined : asString(td.props[property]);
        return value === undefined ? [] : [roleNameIn(value)];
    }));
}

/** The role names the stack's task definitions give their tasks and their agents (ECS). */
interface TaskRoles {
    readonly taskRoleNames: ReadonlySet<string>;
    readonly executionRoleNames: ReadonlySet<string>;
}

/**
 * A role ECS tasks run as: a task definition in the stack names it `taskRoleArn` (by property
 * dependency, by ARN or by name), or — when no task definition uses it at all — its trust policy
 * names ecs-tasks.amazonaws.com. A role used only as an `executionRoleArn` (the agent's identity,
 * with AmazonECSTaskExecutionRolePolicy) is not one.
 */
function isTaskRole(role: RoleRef, resources: readonly PolicyResource[], tasks: TaskRoles): boolean {
    const via = (property: string, names: ReadonlySet<string>): boolean =>
        (role.resource !== undefined && dependentsVia(resources, role.resource, property, TYPES.taskDefinition).length > 0) ||
        (role.name !== undefined && names.has(role.name));
    if (via("taskRoleArn", tasks.taskRoleNames)) {
        return true;
    }
    if (via("executionRoleArn", tasks.executionRoleNames) || role.resource === undefined) {
        return false;
    }
    const trust = asJson(role.resource.props.assumeRolePolicy);
    return JSON.stringify(trust ?? {}).includes("ecs-tasks.amazonaws.com");
}

/** Resources of `type` whose `property` came from the role, or names it (by name or ARN). */
function attachedTo(resources: readonly PolicyResource[], role: RoleRef, property: string, type: string): PolicyResource[] {
    const names = (r: PolicyResource): string[] => {
        if (isUnknownAt(r.props, property)) {
            return [];
        }
        // `roles` is a list; a list entry still unknown is skipped (its dependency says where it came from).
        const value: unknown = r.props[property];
        const entries = typeof value === "object" && value !== null ? valuesKeepingUnknowns(value) : [value];
        return entries.map(asString).filter((s): s is string => s !== undefined).map(roleNameIn);
    };
    return resources.filter((r) => r.type === type &&
        ((role.resource !== undefined && dependenciesVia(r, property).includes(role.resource)) ||
            (role.name !== undefined && names(r).includes(role.name))));
}

/** The over-broad grants of a policy document at `holder[key]`; an unknown document is left undecided. */
function documentFindings(holder: unknown, key: string, path: string, undecided: Undecided): Finding[] {
    if (typeof holder !== "object" || holder === null || undecided.unknown(holder, key)) {
        return [];
    }
    // Text that is not a JSON document is left to the provider, which rejects it with a better message.
    const document = asJson((holder as Record<string, unknown>)[key]);
    return typeof document === "object" && document !== null ? findOverbroadGrants(document, path) : [];
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
    // Where each ARN sits: the one policyArn, or each entry of the managedPolicyArns list (a
    // single ARN given there stands for a list of it).
    const value: unknown = holder.props[key];
    const [list, entries]: [object, string[]] = key === "managedPolicyArns" && Array.isArray(value)
        ? [value, Object.keys(value)]
        : [holder.props, [key]];
    const managed = entries.flatMap((entry) => {
        // An ARN not known yet belongs to a customer-managed policy of this stack when there is one.
        if (customer.length > 0 ? isUnknownAt(list, entry) : undecided.unknown(list, entry)) {
            return [];
        }
        const arn = asString((list as Record<string, unknown>)[entry]);
        return arn === undefined ? [] : checkManagedPolicyArn(arn, list === holder.props ? key : `${key}[${entry}]`);
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
function grantsOf(role: RoleRef, resources: readonly PolicyResource[], undecided: Undecided): Grant[] {
    const rolePolicies = attachedTo(resources, role, "role", TYPES.iamRolePolicy)
        .map((p) => ({ resource: p, findings: documentFindings(p.props, "policy", "policy", undecided) }));
    const own = role.resource;
    const inline = own === undefined || isUnknownAt(own.props, "inlinePolicies") ? [] : asBlocks(own.props.inlinePolicies)
        .map((entry, i) => ({ resource: own, findings: documentFindings(entry, "policy", `inlinePolicies[${i}].policy`, undecided) }));
    const managed = own === undefined || isUnknownAt(own.props, "managedPolicyArns") ? [] : policyArnGrants(own, "managedPolicyArns", undecided);
    const attachments = [
        ...attachedTo(resources, role, "role", TYPES.iamRolePolicyAttachment),
        ...attachedTo(resources, role, "roles", TYPES.iamPolicyAttachment),
    ].flatMap((attachment) => policyArnGrants(attachment, "policyArn", undecided));
    return [...rolePolicies, ...inline, ...managed, ...attachments];
}

/** The roles of the stack, and the task roles task definitions name that are not in it (created elsewhere). */
function rolesOf(resources: readonly PolicyResource[], tasks: TaskRoles): RoleRef[] {
    const inStack = resources.filter((r) => r.type === TYPES.iamRole).map((resource) => ({
        resource,
        name: isUnknownAt(resource.props, "name") ? undefined : asString(resource.props.name),
    }));
    const known = new Set(inStack.map((r) => r.name));
    const elsewhere = [...tasks.taskRoleNames].filter((name) => !known.has(name)).map((name) => ({ name }));
    return [...inStack, ...elsewhere];
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
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        const taskDefinitions = args.resources.filter((r) => r.type === TYPES.taskDefinition);
        const tasks: TaskRoles = {
            taskRoleNames: rolesNamedBy(taskDefinitions, "taskRoleArn"),
            executionRoleNames: rolesNamedBy(taskDefinitions, "executionRoleArn"),
        };
        forEachKnown(rolesOf(args.resources, tasks), (role) => {
            if (!isTaskRole(role, args.resources, tasks)) {
                return;
            }
            const undecided = new Undecided();
            const label = role.resource?.name ?? role.name;
            for (const { resource, findings } of grantsOf(role, args.resources, undecided)) {
                reportFindings(findings.map((f) => ({ ...f, message: `${f.message} (task role "${label}")` })), reportViolation, resource.urn);
            }
            undecided.settle();
        });
    },
};

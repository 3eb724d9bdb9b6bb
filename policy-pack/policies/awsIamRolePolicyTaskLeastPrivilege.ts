import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { findOverbroadGrants } from "../../components/rules";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, dependentsVia, forEachKnown } from "../lib/stackGraph";

/** A role ECS tasks assume: its trust policy names the ecs-tasks.amazonaws.com service principal. */
function isTaskRole(role: PolicyResource): boolean {
    const trust = role.props.assumeRolePolicy;
    return (typeof trust === "string" ? trust : JSON.stringify(trust ?? {})).includes("ecs-tasks.amazonaws.com");
}

/** The policy documents granted to a role: inline RolePolicy resources and attached customer-managed policies. */
function documentsOf(role: PolicyResource, resources: readonly PolicyResource[]): { resource: PolicyResource; document: unknown }[] {
    const inline = dependentsVia(resources, role, "role", TYPES.iamRolePolicy).map((p) => ({ resource: p, document: p.props.policy }));
    const attached = dependentsVia(resources, role, "role", TYPES.iamRolePolicyAttachment)
        .flatMap((attachment) => dependenciesVia(attachment, "policyArn", TYPES.iamPolicy))
        .map((p) => ({ resource: p, document: p.props.policy }));
    return [...inline, ...attached];
}

// Least privilege (IAM user guide, "Security best practices in IAM"): a task needs
// DiscoverInstances scoped by namespace/service condition keys and table-level DynamoDB
// actions, never servicediscovery:*, dynamodb:* or scopable actions on "*".
export const awsIamRolePolicyTaskLeastPrivilege: StackValidationPolicy = {
    name: "aws-iam-role-policy-task-least-privilege",
    description: "Warns when an ECS task role is granted servicediscovery:*, dynamodb:*, NotAction, or scopable actions on \"*\", because a compromised task could then read or rewrite every namespace and table.",
    enforcementLevel: "advisory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.iamRole), (role) => {
            if (!isTaskRole(role)) {
                return;
            }
            for (const { resource, document } of documentsOf(role, args.resources)) {
                const findings = findOverbroadGrants(document).map((f) => ({ ...f, message: `${f.message} (task role "${role.name}")` }));
                reportFindings(findings, reportViolation, resource.urn);
            }
        });
    },
};

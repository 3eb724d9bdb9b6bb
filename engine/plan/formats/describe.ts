import { PolicyViolation } from "../../policyEngine";
import { ResourceGraph } from "../../resourceGraph";
import { EnvironmentVariable, Flow, GrantStatement, Resolvable, RolePolicyGrant, StackOutput } from "../wiring";
import { declaredName } from "../wiring/references";
import { SECRET_MARK } from "../wiring/values";

/**
 * The sentences the text and markdown reports share, so both say the same thing the same way.
 */

/** How a value not known until deploy is shown to people. */
export const KNOWN_AFTER_DEPLOY = "(known after deploy)";

/**
 * What a violation says about its resource: the message without the policy's general
 * description, which the pack puts first and the reports show with the policy instead.
 */
export function specificMessage(violation: PolicyViolation): string {
    const specific = violation.message.startsWith(violation.description) ? violation.message.slice(violation.description.length).trim() : "";
    return specific || violation.message;
}

/** `order-processor → inventory-manager : 80/tcp` */
export function flowText(flow: Flow): string {
    return `${flow.from.name} → ${flow.to.name} : ${flow.ports}`;
}

/** True for a flow between two workloads of the stack (not to or from a CIDR, prefix list or outside group). */
export function isBetweenWorkloads(flow: Flow): boolean {
    return flow.from.kind === "workload" && flow.to.kind === "workload";
}

/** What the outside end of a flow is: `CIDR`, `prefix list`, ... */
export function outsideEndText(flow: Flow): string {
    const outside = flow.from.kind === "workload" ? flow.to : flow.from;
    return { workload: "workload", cidr: "CIDR", "prefix-list": "prefix list", "security-group": "security group outside this stack", unknown: "not known until deploy" }[outside.kind];
}

/** `inventory-manager.quickship.local (by ARN and name condition)`, `any service in quickship.local`, `any service in any namespace`. */
export function resolvableText(target: Resolvable): string {
    const namespace = target.namespace === "*" ? "any namespace" : target.namespace;
    const name = target.service === "*" ? `any service in ${namespace}` : target.namespace === "*" ? `${target.service} in any namespace` : `${target.service}.${target.namespace}`;
    const scope = target.scopedBy.map((s) => (s === "arn" ? "ARN" : "name condition")).join(" and ");
    return scope === "" ? name : `${name} (by ${scope})`;
}

/** `NAME=value`, `NAME=[secret]`, `NAME=(known after deploy)`, `NAME from arn:…` */
export function variableText(variable: EnvironmentVariable): string {
    switch (variable.source) {
        case "plain":
            return `${variable.name}=${variable.value ?? ""}`;
        case "secret":
            return `${variable.name}=${SECRET_MARK}`;
        case "unknown":
            return `${variable.name}=${KNOWN_AFTER_DEPLOY}`;
        case "reference":
            return `${variable.name} from ${variable.valueFrom ?? "(no valueFrom)"} (secret, injected by ECS)`;
    }
}

/** `Allow dynamodb:GetItem, dynamodb:Query on arn:… when StringEquals servicediscovery:NamespaceName = quickship.local` */
export function statementText(statement: GrantStatement): string {
    const actions = statement.notActions !== undefined ? `every action except ${statement.notActions.join(", ")}` : statement.actions.join(", ");
    const resources = statement.notResources !== undefined ? `every resource except ${statement.notResources.join(", ")}` : statement.resources.join(", ");
    const conditions = statement.conditions.map((c) => `${c.operator} ${c.key} = ${c.values.join(" | ")}`);
    return `${statement.effect} ${actions} on ${resources}${conditions.length > 0 ? ` when ${conditions.join(", ")}` : ""}`;
}

/** `inline policy x`, `AWS-managed policy AmazonECSTaskExecutionRolePolicy`, with why no statement is shown. */
export function policyText(policy: RolePolicyGrant): string {
    const kind = { "inline": "inline policy", "customer-managed": "customer-managed policy", "aws-managed": "AWS-managed policy" }[policy.kind];
    const why = {
        plain: "",
        secret: ` (document is a secret: ${SECRET_MARK})`,
        unknown: ` (document ${KNOWN_AFTER_DEPLOY})`,
        "outside-stack": policy.kind === "aws-managed" ? ` (${policy.documentation})` : " (not declared in this stack)",
        invalid: " (not a valid JSON policy document)",
    }[policy.document];
    return `${kind} ${policy.name}${why}`;
}

/** A stack output's value as people read it. */
export function outputText(output: StackOutput): string {
    if (output.disclosure === "secret") {
        return SECRET_MARK;
    }
    if (output.disclosure === "unknown") {
        return KNOWN_AFTER_DEPLOY;
    }
    const text = typeof output.value === "string" ? output.value : JSON.stringify(output.value);
    return output.partlyUnknown ? `${text} (parts ${KNOWN_AFTER_DEPLOY})` : text;
}

/** The names of the security groups behind URNs. */
export function groupNames(graph: ResourceGraph, urns: readonly string[]): string[] {
    return urns.map((urn) => {
        const group = graph.get(urn);
        return group === undefined ? urn : declaredName(group);
    });
}

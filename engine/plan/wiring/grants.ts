import { awsManagedPolicyName, parsePolicyDocument } from "../../../components/rules";
import { RecordedResource, ResourceGraph } from "../../resourceGraph";
import { attribute, declaredName, referencesVia } from "./references";
import { TYPES } from "./resourceTypes";
import { asArray, asRecord, Disclosure, disclosureOf, unwrapSecret } from "./values";

/** One condition of a statement: `StringEquals servicediscovery:NamespaceName = quickship.local`. */
export interface GrantCondition {
    readonly operator: string;
    readonly key: string;
    readonly values: readonly string[];
}

/** A policy statement, normalised: single values become lists. */
export interface GrantStatement {
    readonly sid?: string;
    readonly effect: string;
    readonly actions: readonly string[];
    /** Set only for an `Allow` with `NotAction`: everything except these. */
    readonly notActions?: readonly string[];
    readonly resources: readonly string[];
    readonly notResources?: readonly string[];
    readonly conditions: readonly GrantCondition[];
}

/** One policy a role has, and where the program gives it. */
export interface RolePolicyGrant {
    /**
     * `inline`: aws.iam.RolePolicy or the role's `inlinePolicies`; `customer-managed`: an
     * aws.iam.Policy attached by aws.iam.RolePolicyAttachment, aws.iam.PolicyAttachment or
     * `managedPolicyArns`; `aws-managed`: a policy AWS maintains, named by its ARN.
     */
    readonly kind: "inline" | "customer-managed" | "aws-managed";
    readonly name: string;
    /** The policy's ARN when it is attached by ARN. */
    readonly arn?: string;
    /** The resource that gives the role this policy (the RolePolicy, the attachment, or the role itself). */
    readonly declaredBy: string;
    /**
     * `plain`: the statements below; `secret` / `unknown`: the document is a secret or not known
     * until deploy, so no statement is shown; `outside-stack`: a policy the stack does not declare
     * (AWS-managed policies, customer policies created elsewhere); `invalid`: not a JSON policy.
     */
    readonly document: Disclosure | "outside-stack" | "invalid";
    readonly statements: readonly GrantStatement[];
    /** AWS's reference page of an AWS-managed policy. */
    readonly documentation?: string;
}

/** What one IAM role may do. */
export interface RoleGrants {
    readonly role: string;
    readonly urn: string;
    /** Service principals (or ARNs) its trust policy lets assume it, e.g. `ecs-tasks.amazonaws.com`. */
    readonly assumedBy: readonly string[];
    readonly policies: readonly RolePolicyGrant[];
}

/**
 * Every IAM role of the stack with every policy it gets: inline (aws.iam.RolePolicy and the
 * role's `inlinePolicies`), attached customer-managed policies of the stack (aws.iam.Policy through
 * aws.iam.RolePolicyAttachment, aws.iam.PolicyAttachment or `managedPolicyArns`) and AWS-managed
 * policies by name. Read from the recorded graph, so roles written by hand are covered too.
 */
export function grantsOf(graph: ResourceGraph): RoleGrants[] {
    // Each policy-giving resource is resolved to its role(s) once, then grouped by role.
    const given = new Map<string, RolePolicyGrant[]>();
    const give = (roles: readonly RecordedResource[], grants: readonly RolePolicyGrant[]): void => {
        for (const role of roles) {
            given.set(role.urn, [...(given.get(role.urn) ?? []), ...grants]);
        }
    };
    for (const policy of graph.ofType(TYPES.iamRolePolicy)) {
        give(rolesVia(graph, policy, "role"), [inlineGrant(policy.inputs.policy, declaredName(policy), policy.urn)]);
    }
    for (const attachment of graph.ofType(TYPES.iamRolePolicyAttachment)) {
        give(rolesVia(graph, attachment, "role"), managedPolicyArns(graph, attachment, "policyArn", attachment));
    }
    for (const attachment of graph.ofType(TYPES.iamPolicyAttachment)) {
        give(rolesVia(graph, attachment, "roles"), managedPolicyArns(graph, attachment, "policyArn", attachment));
    }
    return graph.ofType(TYPES.iamRole).map((role) => ({
        role: declaredName(role),
        urn: role.urn,
        assumedBy: trustedPrincipals(role),
        policies: [
            ...asArray(role.inputs.inlinePolicies).map((entry, i) => {
                const inline = asRecord(entry);
                return inlineGrant(inline.policy, typeof inline.name === "string" ? inline.name : `inlinePolicies[${i}]`, role.urn);
            }),
            ...managedPolicyArns(graph, role, "managedPolicyArns", role),
            ...(given.get(role.urn) ?? []),
        ],
    }));
}

/** The roles `resource.property` names (by name, id or ARN, or by dependency). */
function rolesVia(graph: ResourceGraph, resource: RecordedResource, property: string): readonly RecordedResource[] {
    return referencesVia(graph, resource, property, [TYPES.iamRole], { keys: ["name", "id", "arn"] }).resources;
}

function trustedPrincipals(role: RecordedResource): string[] {
    try {
        return parsePolicyDocument(unwrapSecret(role.inputs.assumeRolePolicy)).flatMap(({ statement }) => {
            const principal = statement.Principal;
            return principal === "*" ? ["*"] : Object.values(asRecord(principal)).flatMap((p) => (Array.isArray(p) ? p : [p])).map(String);
        });
    } catch {
        return [];
    }
}

function inlineGrant(document: unknown, name: string, declaredBy: string): RolePolicyGrant {
    return { kind: "inline", name, declaredBy, ...statementsOf(document) };
}

/**
 * The policies behind the ARNs at `holder.inputs[property]`: documents of aws.iam.Policy
 * resources of the stack, AWS-managed policies by name, anything else as a policy outside the stack.
 */
function managedPolicyArns(graph: ResourceGraph, holder: RecordedResource, property: string, declaredBy: RecordedResource): RolePolicyGrant[] {
    const refs = referencesVia(graph, holder, property, [TYPES.iamPolicy], { keys: ["arn", "id"] });
    return [
        ...refs.resources.map((policy): RolePolicyGrant => ({
            kind: "customer-managed",
            name: declaredName(policy),
            arn: attribute(policy, "arn"),
            declaredBy: declaredBy.urn,
            ...statementsOf(policy.inputs.policy),
        })),
        ...refs.external.map((arn): RolePolicyGrant => {
            const awsManaged = awsManagedPolicyName(arn);
            return awsManaged === undefined
                ? { kind: "customer-managed", name: arn.split("/").pop() ?? arn, arn, declaredBy: declaredBy.urn, document: "outside-stack", statements: [] }
                : {
                    kind: "aws-managed", name: awsManaged, arn, declaredBy: declaredBy.urn, document: "outside-stack", statements: [],
                    documentation: `https://docs.aws.amazon.com/aws-managed-policy/latest/reference/${awsManaged}.html`,
                };
        }),
        ...(refs.unknown ? [{ kind: "customer-managed", name: "(policy known after deploy)", declaredBy: declaredBy.urn, document: "unknown", statements: [] } as const] : []),
    ];
}

/** A policy document's statements, unless it is secret, unknown or not a policy. */
function statementsOf(document: unknown): Pick<RolePolicyGrant, "document" | "statements"> {
    const disclosure = disclosureOf(document);
    if (disclosure !== "plain") {
        return { document: disclosure, statements: [] };
    }
    try {
        return { document: "plain", statements: parsePolicyDocument(document).map(({ statement }) => normalise(statement)) };
    } catch {
        return { document: "invalid", statements: [] };
    }
}

function list(value: unknown): string[] {
    return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
}

/** A statement as the rulebook reads it from a policy document. */
type ParsedStatement = ReturnType<typeof parsePolicyDocument>[number]["statement"];

function normalise(statement: ParsedStatement): GrantStatement {
    return {
        ...(typeof statement.Sid === "string" ? { sid: statement.Sid } : {}),
        effect: String(statement.Effect ?? "Allow"),
        actions: list(statement.Action),
        ...(statement.NotAction === undefined ? {} : { notActions: list(statement.NotAction) }),
        resources: list(statement.Resource),
        ...(statement.NotResource === undefined ? {} : { notResources: list(statement.NotResource) }),
        conditions: Object.entries(asRecord(statement.Condition)).flatMap(([operator, keys]) =>
            Object.entries(asRecord(keys)).map(([key, values]) => ({ operator, key, values: list(values) }))),
    };
}

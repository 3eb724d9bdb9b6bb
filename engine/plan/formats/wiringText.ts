import { PlanResult } from "../planProgram";
import { Style } from "../style";
import { ConnectedWorkload } from "../wiring";
import { flowText, groupNames, isBetweenWorkloads, outsideEndText, outputText, policyText, resolvableText, statementText, variableText } from "./describe";

/** A titled section of the text report. */
export interface TextSection {
    readonly title: string;
    readonly lines: readonly string[];
}

/** The wiring sections of the text report: connectivity, grants, environment, outputs. */
export function wiringSections(plan: PlanResult, style: Style): TextSection[] {
    return [
        { title: "Connectivity (security groups: the callee's ingress and the caller's egress both allow it)", lines: connectivityLines(plan, style) },
        { title: "IAM grants", lines: grantLines(plan, style) },
        { title: "Container environment", lines: environmentLines(plan, style) },
        { title: "Stack outputs", lines: outputLines(plan, style) },
    ];
}

function connectivityLines(plan: PlanResult, style: Style): string[] {
    const { flows, workloads } = plan.wiring.connectivity;
    const between = flows.filter(isBetweenWorkloads);
    const outside = flows.filter((f) => !isBetweenWorkloads(f));
    return [
        ...between.map((f) => `  ${style.bold(flowText(f))}`),
        ...(between.length === 0 && workloads.length > 0 ? ["  no traffic allowed between workloads"] : []),
        ...outside.map((f) => `  ${flowText(f)} ${style.dim(`(${outsideEndText(f)})`)}`),
        ...workloads.flatMap((w) => workloadLines(plan, w, style)),
    ];
}

function workloadLines(plan: PlanResult, workload: ConnectedWorkload, style: Style): string[] {
    const resolvable = workload.discovery.resolvable.map(resolvableText);
    const variables = workload.environment.flatMap((c) => c.variables.map((v) => v.name));
    return [
        `  ${style.bold(workload.name)} ${style.dim(`${workload.type}${workload.discoveredAs ? `, discovered as ${workload.discoveredAs}` : ""}`)}`,
        `    security groups: ${[...groupNames(plan.graph, workload.securityGroups), ...workload.externalSecurityGroups.map((id) => `${id} (not in this stack: its rules are not shown)`)].join(", ") || "none"}`,
        ...(workload.role === undefined ? [] : [
            `    may resolve (DiscoverInstances as ${workload.role}): ${resolvable.join(", ") || "nothing"}` +
                (workload.discovery.undetermined.length > 0 ? style.dim(`; not visible to the plan: ${workload.discovery.undetermined.join(", ")}`) : ""),
        ]),
        ...(workload.environment.length === 0 ? [] : [`    receives: ${variables.join(", ") || "no variables"}`]),
    ];
}

function grantLines(plan: PlanResult, style: Style): string[] {
    return plan.wiring.grants.flatMap((role) => [
        `  ${style.bold(role.role)}${role.assumedBy.length > 0 ? style.dim(` (assumed by ${role.assumedBy.join(", ")})`) : ""}`,
        ...(role.policies.length === 0 ? ["    no policies"] : []),
        ...role.policies.flatMap((policy) => [
            `    ${policyText(policy)}`,
            ...policy.statements.map((s) => `      ${statementText(s)}`),
        ]),
    ]);
}

function environmentLines(plan: PlanResult, style: Style): string[] {
    const { containers, hidden } = plan.wiring.environment;
    return [
        ...containers.flatMap((c) => [
            `  ${style.bold(c.container)} ${style.dim(`(task definition ${c.family})`)}`,
            ...(c.variables.length === 0 ? ["    no variables"] : c.variables.map((v) => `    ${variableText(v)}`)),
            ...c.environmentFiles.map((f) => `    variables from ${f} (not known to the plan)`),
        ]),
        ...hidden.map((h) => `  ${style.bold(h.family)} ${style.dim(`containers ${{ secret: "are a secret", unknown: "known after deploy", invalid: "are not valid JSON" }[h.reason]}`)}`),
    ];
}

function outputLines(plan: PlanResult, style: Style): string[] {
    const width = Math.max(0, ...plan.wiring.outputs.map((o) => o.name.length));
    return plan.wiring.outputs.map((o) => `  ${o.name.padEnd(width)}  ${style.dim(outputText(o))}`);
}

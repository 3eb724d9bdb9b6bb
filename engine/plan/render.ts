import * as path from "path";
import { PolicyViolation } from "../policyEngine";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { creationSecondsOf } from "./creationTimes";
import { specificMessage } from "./formats/describe";
import { wiringSections } from "./formats/wiringText";
import { PlanResult } from "./planProgram";
import { mandatoryCount, policyResultsByResource } from "./policy";
import { Style } from "./style";

/** The plan for a person: what would be created, what it serves, what policy says, what it costs. */
export function renderPlan(plan: PlanResult, style: Style): string {
    const { project, graph } = plan;
    const main = path.relative(process.cwd(), project.main) || ".";
    return [
        style.bold(`Plan of ${project.name} (stack ${project.stack}): ${main}`),
        "",
        ...section(style, `Resources (${graph.resources.filter((r) => r.custom).length} to create)`, renderTree(graph, style)),
        ...section(style, "DNS records Cloud Map will serve", renderDnsRecords(plan)),
        ...section(style, "API-only services (DiscoverInstances)", renderApiOnly(plan)),
        ...wiringSections(plan, style).flatMap((s) => section(style, s.title, [...s.lines])),
        ...section(style, "Policy", renderPolicy(plan, style)),
        ...section(style, "Estimates", renderEstimates(plan, style)),
        renderVerdict(plan, style),
    ].join("\n") + "\n";
}

function section(style: Style, title: string, body: string[]): string[] {
    return [style.bold(title), ...(body.length > 0 ? body : ["  (none)"]), ""];
}

/** Components with their sub-components, and their AWS resources counted per type. */
function renderTree(graph: ResourceGraph, style: Style): string[] {
    const lines: string[] = [];
    const walk = (node: RecordedResource, indent: string): void => {
        const children = graph.childrenOf(node.urn);
        const components = children.filter((c) => !c.custom);
        const byType = new Map<string, RecordedResource[]>();
        for (const c of children.filter((c) => c.custom)) {
            byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
        }
        const rows: { text: string; component?: RecordedResource }[] = [
            ...[...byType].map(([type, rs]) => ({ text: `${rs.length} × ${type} ${style.dim(`(${namesOf(rs)})`)}` })),
            ...components.map((c) => ({ text: `${style.bold(c.name)} ${style.dim(c.type)}`, component: c })),
        ];
        rows.forEach((row, i) => {
            const last = i === rows.length - 1;
            lines.push(`${indent}${last ? "└─ " : "├─ "}${row.text}`);
            if (row.component) {
                walk(row.component, `${indent}${last ? "   " : "│  "}`);
            }
        });
    };
    for (const root of graph.resources.filter((r) => r.parent === undefined || graph.get(r.parent) === undefined)) {
        lines.push(`  ${style.bold(root.name)} ${style.dim(root.type)}`);
        walk(root, "  ");
    }
    return lines;
}

function namesOf(resources: readonly RecordedResource[]): string {
    const shown = resources.slice(0, 3).map((r) => r.name);
    return resources.length > 3 ? `${shown.join(", ")}, +${resources.length - 3}` : shown.join(", ");
}

function renderDnsRecords(plan: PlanResult): string[] {
    const width = Math.max(0, ...plan.dnsRecords.map((r) => r.name.length));
    return plan.dnsRecords.map((r) => `  ${r.name.padEnd(width)}  ${r.type.padEnd(5)} ttl ${String(r.ttl).padEnd(4)} ${r.routingPolicy}`);
}

function renderApiOnly(plan: PlanResult): string[] {
    return plan.apiOnlyServices.flatMap((s) => [
        `  ${s.name}.${s.namespace}`,
        ...(s.instances.length === 0 ? ["    (no instances registered by the program)"] : []),
        ...s.instances.map((i) => `    instance ${i.id}: ${Object.entries(i.attributes).map(([k, v]) => `${k}=${v}`).join(", ")}`),
    ]);
}

function renderPolicy(plan: PlanResult, style: Style): string[] {
    if (plan.policy === undefined) {
        return ["  skipped (--no-policy)"];
    }
    const { policy, graph } = plan;
    const advisory = policy.violations.filter((v) => v.level === "advisory").length;
    const lines = [
        `  ${policy.packName}: ${policy.policies.length} policies, ` +
            `${mandatoryCount(policy)} mandatory, ${advisory} advisory, ${policy.remediations.length} remediated`,
    ];
    for (const group of policyResultsByResource(policy, graph.resources)) {
        const resource = group.urn === undefined ? undefined : graph.get(group.urn);
        lines.push(`  ${resource ? `${style.bold(resource.name)} ${style.dim(resource.type)}` : style.bold(group.urn ?? "(stack)")}`);
        lines.push(...group.mandatory.map((v) => `    ${style.red("✖ mandatory")}  ${v.policy}: ${finding(v)}`));
        lines.push(...group.advisory.map((v) => `    ${style.yellow("! advisory")}   ${v.policy}: ${finding(v)}`));
        lines.push(...group.remediated.map((r) => `    ${style.cyan("~ remediated")} ${r.policy}${r.diagnostic ? `: ${r.diagnostic}` : ""}`));
    }
    return lines;
}

/** What is wrong with this resource; the policy's general description is left to --json. */
function finding(violation: PolicyViolation): string {
    return specificMessage(violation).replace(/\n/g, "\n      ");
}

function renderEstimates(plan: PlanResult, style: Style): string[] {
    const e = plan.estimates;
    return [
        `  Monthly service-discovery cost  ${style.bold(`$${e.monthlyCostUsd.toFixed(2)}`)}`,
        ...e.costLines.map((l) => `    ${l.item.padEnd(46)} ${String(l.quantity).padStart(4)} × $${l.unitUsd.toFixed(2)} = $${l.usd.toFixed(2)}`),
        `  Deploy critical path            ${style.bold(`~${e.criticalPathSeconds} s`)}`,
        `    ${e.criticalPath.map((r) => `${r.name} ${style.dim(`(${r.type.split(":").pop()} ${creationSecondsOf(r)} s)`)}`).join(" → ")}`,
        `  Worst discovery staleness       ${style.bold(e.stalenessSeconds === null ? "n/a (no Cloud Map services)" : `${e.stalenessSeconds} s`)}` +
            (e.stalestService ? ` (${e.stalestService})` : ""),
        "  Assumptions:",
        ...e.assumptions.map((a) => `    - ${a}`),
    ];
}

function renderVerdict(plan: PlanResult, style: Style): string {
    const mandatory = mandatoryCount(plan.policy);
    return mandatory > 0
        ? style.red(`✖ ${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"}: this stack would not deploy.`)
        : style.green(plan.policy ? "✔ No mandatory policy violations." : "✔ Planned without policy checks.");
}

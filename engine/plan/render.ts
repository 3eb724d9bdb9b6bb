import * as path from "path";
import type { PolicyViolation } from "../policyEngine";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { KNOWN_AFTER_DEPLOY } from "../wireProperties";
import { creationSecondsOf } from "./creationTimes";
import { stalenessText } from "./estimates";
import { ttlText } from "./dnsRecords";
import { specificMessage } from "./formats/describe";
import { wiringSections } from "./formats/wiringText";
import { PlanResult } from "./planProgram";
import { mandatoryCount, policyResultsByResource } from "./policy";
import { verdictOf } from "./verdict";
import { Style } from "./style";

/** The plan for a person: what would be created, what it serves, what policy says, what it costs. */
export function renderPlan(plan: PlanResult, style: Style): string {
    const { project, graph } = plan;
    const entry = path.relative(process.cwd(), plan.entry) || ".";
    return [
        style.bold(`Plan of ${project.name} (stack ${project.stack}): ${entry}`),
        "",
        ...section(style, `Resources (${resourceCounts(graph)})`, renderTree(graph, style)),
        ...(plan.opaque.length > 0 ? section(style, "Not analysed: remote components the plan cannot expand", renderOpaque(plan, style)) : []),
        ...(plan.stackReferences.length > 0 ? section(style, "Stack references", renderStackReferences(plan)) : []),
        ...section(style, "DNS records Cloud Map will serve", renderDnsRecords(plan)),
        ...(plan.serviceConnect.members.length > 0
            ? section(style, "Service Connect endpoints (no DNS records: only tasks with Service Connect in the namespace resolve them)", renderServiceConnect(plan))
            : []),
        ...section(style, "API-only services (DiscoverInstances)", renderApiOnly(plan)),
        ...wiringSections(plan, style).flatMap((s) => section(style, s.title, [...s.lines])),
        ...section(style, "Policy", renderPolicy(plan, style)),
        ...section(style, "Estimates", renderEstimates(plan, style)),
        renderVerdict(plan, style),
    ].join("\n") + "\n";
}

function resourceCounts(graph: ResourceGraph): string {
    const custom = graph.resources.filter((r) => r.custom);
    const imports = custom.filter((r) => r.importId !== undefined).length;
    return `${custom.length - imports} to create${imports > 0 ? `, ${imports} to import` : ""}`;
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
        // Grouped by type, and imports apart from creates: an import adopts what exists.
        const byType = new Map<string, RecordedResource[]>();
        for (const c of children.filter((c) => c.custom)) {
            const key = `${c.type}${c.importId === undefined ? "" : " to import"}`;
            byType.set(key, [...(byType.get(key) ?? []), c]);
        }
        const rows: { text: string; component?: RecordedResource }[] = [
            ...[...byType].map(([type, rs]) => ({ text: `${rs.length} × ${type} ${style.dim(`(${namesOf(rs)})`)}` })),
            ...components.map((c) => ({
                text: `${style.bold(c.name)} ${style.dim(c.type)}${c.remote ? ` ${style.yellow("(remote component: its resources are not shown or checked)")}` : ""}`,
                component: c,
            })),
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
    const named = resources.slice(0, 3).map((r) => (r.importId === undefined ? r.name : `${r.name} ← ${r.importId}`));
    return resources.length > 3 ? `${named.join(", ")}, +${resources.length - 3}` : named.join(", ");
}

/** What the plan could not see: each remote component, and what was modelled of it. */
function renderOpaque(plan: PlanResult, style: Style): string[] {
    return [
        ...plan.opaque.map((c) => `  ${style.bold(c.name)} ${style.dim(c.type)}: ` +
            (c.modelledOutputs.length > 0 ? `outputs ${c.modelledOutputs.join(", ")} modelled, the others unknown` : "outputs unknown")),
        "  Their provider plugin creates their child resources at deploy time; offline the plan sees the",
        "  component alone, so policy did not check those resources. Run pulumi preview --policy-pack to check them.",
    ];
}

function renderStackReferences(plan: PlanResult): string[] {
    return plan.stackReferences.map((ref) => `  ${ref.name}  ${ref.supplied ? "outputs from --stack-reference-outputs" : `outputs ${KNOWN_AFTER_DEPLOY} (not in --stack-reference-outputs)`}`);
}

function renderDnsRecords(plan: PlanResult): string[] {
    const width = Math.max(0, ...plan.dnsRecords.map((r) => r.name.length));
    return plan.dnsRecords.map((r) => `  ${r.name.padEnd(width)}  ${r.type.padEnd(5)} ttl ${ttlText(r.ttl).padEnd(4)} ${r.routingPolicy}`);
}

function renderServiceConnect(plan: PlanResult): string[] {
    const { endpoints, members } = plan.serviceConnect;
    const namespaces = [...new Set(members.map((m) => m.namespace))];
    return [
        ...endpoints.map((e) => `  ${e.discoveryName}:${e.containerPort ?? KNOWN_AFTER_DEPLOY} → ${e.url} via namespace ${e.namespace}` +
            ` (port ${e.portName}, ${e.appProtocol})`),
        ...namespaces.map((namespace) => `  clients in ${namespace}: ${members.filter((m) => m.namespace === namespace).map((m) => m.service).join(", ")}`),
    ];
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
        `  Worst discovery staleness       ${style.bold(stalenessText(e))}` + (e.stalestService ? ` (${e.stalestService})` : "") +
            (e.stalenessSeconds !== null && e.stalenessUnknownServices.length > 0
                ? `, not counting ${e.stalenessUnknownServices.join(", ")} (TTL ${KNOWN_AFTER_DEPLOY})` : ""),
        "  Assumptions:",
        ...e.assumptions.map((a) => `    - ${a}`),
    ];
}

/** The last line (verdict.ts): never an unqualified ✔ when some resources (inside remote components) were not analysed. */
function renderVerdict(plan: PlanResult, style: Style): string {
    const verdict = verdictOf(plan);
    const colour = { blocked: style.red, qualified: style.yellow, clean: style.green }[verdict.tone];
    return colour(`${verdict.mark} ${verdict.text}`);
}

import * as path from "path";
import { PlanResult } from "../planProgram";
import { KNOWN_AFTER_DEPLOY } from "../../wireProperties";
import { ttlText } from "../dnsRecords";
import { stalenessText } from "../estimates";
import { blocks, mandatoryCount } from "../policy";
import { verdictOf } from "../verdict";
import { groupNames, specificMessage, isBetweenWorkloads, outsideEndText, outputText, policyText, resolvableText, statementText, variableText } from "./describe";
import { serviceGraph } from "./mermaid";

/** GitHub refuses issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * The plan as a pull-request comment (GitHub-flavoured markdown): verdict and summary, policy
 * findings, DNS records, the service graph as a Mermaid diagram, connectivity, cost and critical
 * path, then grants, environment, outputs and assumptions folded away. The first line is a
 * marker, so a CI job can find and update its previous comment. A plan too large for one
 * comment drops the folded sections, then shortens the tables, and says so.
 */
export function markdownReport(plan: PlanResult): string {
    const full = render(plan, "full");
    if (full.length <= GITHUB_COMMENT_LIMIT) {
        return full;
    }
    const withoutDetails = render(plan, "no-details");
    if (withoutDetails.length <= GITHUB_COMMENT_LIMIT) {
        return withoutDetails;
    }
    const short = render(plan, "short-tables");
    return short.length <= GITHUB_COMMENT_LIMIT ? short : `${short.slice(0, GITHUB_COMMENT_LIMIT - 100)}\n\n… (cut at GitHub's comment limit)\n`;
}

/** The hidden first line of every report for this project and stack. */
export function commentMarker(plan: PlanResult): string {
    return `<!-- cloudmap-plan: ${plan.project.name}/${plan.project.stack} -->`;
}

type Detail = "full" | "no-details" | "short-tables";

const SHORT_TABLE_ROWS = 50;

function render(plan: PlanResult, detail: Detail): string {
    const limit = detail === "short-tables" ? SHORT_TABLE_ROWS : Infinity;
    return [
        commentMarker(plan),
        ...summary(plan),
        ...policySection(plan, limit),
        ...dnsSection(plan, limit),
        ...graphSection(plan),
        ...connectivitySection(plan, limit),
        ...costSection(plan),
        ...(detail === "full"
            ? [...grantsDetails(plan), ...environmentDetails(plan), ...outputsDetails(plan), ...assumptionsDetails(plan)]
            : ["_IAM grants, container environment, stack outputs and assumptions are left out to fit GitHub's comment limit: run the plan with `--format text` to see them._", ""]),
    ].join("\n");
}

function graphSection(plan: PlanResult): string[] {
    const { diagram, leftOut } = serviceGraph(plan);
    return [
        "### Service graph",
        "",
        ...(diagram === undefined ? [] : ["```mermaid", diagram, "```", ""]),
        ...(leftOut === undefined ? [] : [`_Left out: ${escape(leftOut)}._`, ""]),
    ];
}

function summary(plan: PlanResult): string[] {
    const mandatory = mandatoryCount(plan.policy);
    const advisory = plan.policy?.violations.filter((v) => v.level === "advisory").length ?? 0;
    const verdict = verdictOf(plan);
    const main = path.relative(process.cwd(), plan.entry) || ".";
    const custom = plan.graph.resources.filter((r) => r.custom);
    const imports = custom.filter((r) => r.importId !== undefined).length;
    return [
        `## ${verdict.mark} ${escape(verdict.text.replace(/\.$/, ""))}`,
        "",
        `Offline plan of **${escape(plan.project.name)}** (stack \`${code(plan.project.stack)}\`, program \`${code(main)}\`): ` +
            `${custom.length - imports} resources to create${imports > 0 ? `, ${imports} to import` : ""}, ` +
            `${plan.policy === undefined ? "policy skipped" : `${mandatory} mandatory and ${advisory} advisory finding${advisory === 1 ? "" : "s"}`}, ` +
            `${dollars(plan.estimates.monthlyCostUsd)}/month for service discovery, about ${plan.estimates.criticalPathSeconds} s to deploy.`,
        "",
        ...(plan.opaque.length === 0 ? [] : [
            "**Not analysed:** remote components are built by their provider plugin at deploy time, so the offline plan sees each as one " +
                "resource and policy did not check the resources inside: " +
                plan.opaque.map((c) => `\`${code(c.name)}\` (\`${code(c.type)}\`)`).join(", ") + ". Run `pulumi preview --policy-pack` to check them.",
            "",
        ]),
    ];
}

function policySection(plan: PlanResult, limit: number): string[] {
    if (plan.policy === undefined) {
        return ["### Policy", "", "Skipped (`--no-policy`).", ""];
    }
    const { violations } = plan.policy;
    const rows = [...violations].sort((a, b) => Number(blocks(b)) - Number(blocks(a))).map((v) => {
        const resource = v.urn === undefined ? undefined : plan.graph.get(v.urn);
        const where = plan.declarations.get(v.urn ?? "");
        return [
            blocks(v) ? "✖ mandatory" : v.level === "advisory" ? "⚠ advisory" : v.level,
            `\`${code(v.policy)}\``,
            resource === undefined ? "the stack" : `\`${code(resource.name)}\`${where ? ` (${code(path.relative(process.cwd(), where.file))}:${where.line})` : ""}`,
            escape(specificMessage(v)),
        ];
    });
    return [
        `### Policy: ${escape(plan.policy.packName)} (${plan.policy.policies.length} policies)`,
        "",
        ...(rows.length === 0 ? ["No findings."] : table(["Level", "Policy", "Resource", "Finding"], rows, limit)),
        ...(plan.policy.remediations.length > 0 ? ["", `${plan.policy.remediations.length} resource(s) remediated by the pack.`] : []),
        "",
    ];
}

function dnsSection(plan: PlanResult, limit: number): string[] {
    return [
        "### DNS records Cloud Map will serve",
        "",
        ...(plan.dnsRecords.length === 0 ? ["None."] : table(["Name", "Type", "TTL", "Routing"], plan.dnsRecords.map((r) => [`\`${code(r.name)}\``, r.type, r.ttl === null ? ttlText(r.ttl) : `${r.ttl} s`, r.routingPolicy]), limit)),
        ...(plan.serviceConnect.endpoints.length === 0 ? [] : [
            "",
            "Service Connect endpoints (no DNS records: only tasks with Service Connect in the namespace resolve them):",
            "",
            ...table(["Endpoint", "Clients call", "Namespace", "Protocol"], plan.serviceConnect.endpoints.map((e) => [
                `\`${code(`${e.discoveryName}:${e.containerPort ?? KNOWN_AFTER_DEPLOY}`)}\``, `\`${code(e.url)}\``, `\`${code(e.namespace)}\``, e.appProtocol,
            ]), limit),
        ]),
        ...(plan.apiOnlyServices.length === 0 ? [] : [
            "",
            `API-only (DiscoverInstances): ${plan.apiOnlyServices.map((s) => `\`${code(`${s.name}.${s.namespace}`)}\` (${s.instances.length} instance${s.instances.length === 1 ? "" : "s"})`).join(", ")}`,
        ]),
        "",
    ];
}

function connectivitySection(plan: PlanResult, limit: number): string[] {
    const { flows, workloads } = plan.wiring.connectivity;
    const ruleNames = (urns: readonly string[]): string => urns.map((u) => `\`${code(plan.graph.get(u)?.name ?? u)}\``).join(", ");
    const between = flows.filter(isBetweenWorkloads);
    return [
        "### Connectivity",
        "",
        "Traffic the security groups allow (the callee's ingress and the caller's egress both admit it):",
        "",
        ...(flows.length === 0 ? ["No traffic is allowed."] : table(["From", "To", "Ports", "Allowed by"], [
            ...between.map((f) => [`**${escape(f.from.name)}**`, `**${escape(f.to.name)}**`, f.ports, ruleNames(f.rules)]),
            ...flows.filter((f) => !isBetweenWorkloads(f)).map((f) => [
                f.from.kind === "workload" ? escape(f.from.name) : `${escape(f.from.name)} (${outsideEndText(f)})`,
                f.to.kind === "workload" ? escape(f.to.name) : `${escape(f.to.name)} (${outsideEndText(f)})`,
                f.ports, ruleNames(f.rules),
            ]),
        ], limit)),
        "",
        ...(workloads.length === 0 ? [] : table(["Workload", "Security groups", "May resolve", "Receives"], workloads.map((w) => [
            `**${escape(w.name)}**`,
            [...groupNames(plan.graph, w.securityGroups), ...w.externalSecurityGroups.map((g) => `${g} (outside the stack)`)].map((g) => `\`${code(g)}\``).join(", ") || "none",
            w.role === undefined ? "–" : [
                ...w.discovery.resolvable.map((r) => `\`${code(resolvableText(r))}\``),
                ...w.discovery.undetermined.map((p) => `${escape(p)} (contents not visible)`),
            ].join(", ") || "nothing",
            w.environment.flatMap((c) => c.variables.map((v) => `\`${code(v.name)}\``)).join(", ") || "–",
        ]), limit)),
        "",
    ];
}

function costSection(plan: PlanResult): string[] {
    const e = plan.estimates;
    return [
        "### Cost and deploy time",
        "",
        ...table(["Item", "Quantity", "Unit price", "Monthly"], e.costLines.map((l) => [escape(l.item), String(l.quantity), dollars(l.unitUsd), dollars(l.usd)]), Infinity),
        `| **Total** | | | **${dollars(e.monthlyCostUsd)}** |`,
        "",
        `_${escape(e.assumptions[0] ?? "")}_`,
        "",
        `Deploy critical path **about ${e.criticalPathSeconds} s**: ${e.criticalPath.map((r) => `\`${code(r.name)}\``).join(" → ")}`,
        "",
        `Worst discovery staleness: ${e.stalenessSeconds === null
            ? escape(stalenessText(e))
            : `**${stalenessText(e)}**${e.stalestService ? ` (${escape(e.stalestService)})` : ""}`}`,
        "",
    ];
}

function details(summaryText: string, body: readonly string[]): string[] {
    return ["<details>", `<summary>${escape(summaryText)}</summary>`, "", ...body, "", "</details>", ""];
}

function grantsDetails(plan: PlanResult): string[] {
    const { grants } = plan.wiring;
    return details(`IAM grants (${grants.length} role${grants.length === 1 ? "" : "s"})`, grants.flatMap((role) => [
        `- **${escape(role.role)}**${role.assumedBy.length > 0 ? ` (assumed by ${role.assumedBy.map((p) => `\`${code(p)}\``).join(", ")})` : ""}${role.policies.length === 0 ? ": no policies" : ""}`,
        ...role.policies.flatMap((p) => [`  - ${escape(policyText(p))}`, ...p.statements.map((s) => `    - \`${code(statementText(s))}\``)]),
    ]));
}

function environmentDetails(plan: PlanResult): string[] {
    const { containers, hidden } = plan.wiring.environment;
    return details(`Container environment (${containers.length} container${containers.length === 1 ? "" : "s"})`, [
        ...containers.flatMap((c) => [
            `- **${escape(c.container)}** (task definition \`${code(c.family)}\`)${c.variables.length === 0 ? ": no variables" : ""}`,
            ...c.variables.map((v) => `  - \`${code(variableText(v))}\``),
            ...c.environmentFiles.map((f) => `  - variables from \`${code(f)}\` (not known to the plan)`),
        ]),
        ...hidden.map((h) => `- \`${code(h.family)}\`: container definitions ${{ secret: "are a secret", unknown: "known after deploy", invalid: "are not valid JSON" }[h.reason]}`),
    ]);
}

function outputsDetails(plan: PlanResult): string[] {
    const { outputs } = plan.wiring;
    return details(`Stack outputs (${outputs.length})`, outputs.length === 0 ? ["None."] : table(["Output", "Value"], outputs.map((o) => [`\`${code(o.name)}\``, `\`${code(outputText(o))}\``]), Infinity));
}

function assumptionsDetails(plan: PlanResult): string[] {
    return details("Assumptions behind the estimates", plan.estimates.assumptions.map((a) => `- ${escape(a)}`));
}

/** A markdown table; rows beyond `limit` are counted, not shown. */
function table(header: readonly string[], rows: readonly (readonly string[])[], limit: number): string[] {
    const shown = rows.slice(0, limit);
    return [
        `| ${header.join(" | ")} |`,
        `| ${header.map(() => "---").join(" | ")} |`,
        ...shown.map((row) => `| ${row.map(cell).join(" | ")} |`),
        ...(rows.length > shown.length ? [`| … ${rows.length - shown.length} more rows (see \`--format text\`) |${" |".repeat(header.length - 1)}`] : []),
    ];
}

/** A table cell: pipes escaped, line breaks as <br>. */
function cell(value: string): string {
    return value.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/**
 * Text outside code spans: HTML, markdown emphasis and `$` (GitHub reads `$…$` as math) are
 * shown literally.
 */
function escape(value: string): string {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([*_`[\]\\$])/g, "\\$1");
}

/** `\$5.60`: an amount, escaped like other text. */
function dollars(amount: number): string {
    return escape(`$${amount.toFixed(2)}`);
}

/** Text inside a code span: a backtick would end it. */
function code(value: string): string {
    return value.replace(/`/g, "'");
}

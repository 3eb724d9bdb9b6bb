import { CriticalPathResult, PathFigures } from "../sections/criticalPath";
import { ImportResult } from "../sections/importCost";
import { OverheadResult } from "../sections/overhead";
import { PolicyResult } from "../sections/policy";
import { ScaleResult } from "../sections/scale";
import { Machine } from "./machine";

export interface BenchResults {
    readonly machine: Machine;
    readonly overhead: OverheadResult;
    readonly scale: ScaleResult;
    readonly policy: PolicyResult;
    readonly importCost: ImportResult;
    readonly criticalPath: CriticalPathResult;
    readonly totalSeconds: number;
}

/** One line of the results: a figure, and the target it is held to when the issue sets one. */
export interface Row {
    readonly figure: string;
    readonly result: string;
    readonly target?: string;
    readonly pass?: boolean;
}

/** Issue 5 wants the largest plan "well under a minute"; half a minute is the bar held here. */
export const LARGEST_PLAN_BUDGET_MS = 30_000;

export function rows(r: BenchResults): Row[] {
    const o = r.overhead;
    const s = r.scale;
    const largest = s.points[s.points.length - 1];
    const p = r.policy;
    const c = r.criticalPath;
    const e = c.existingNetwork;
    return [
        {
            figure: `Component overhead (QuickShip, ${o.customResources} AWS resources, whole process)`,
            result: `${o.ratio.toFixed(3)}× (${ms(o.componentsMs)} vs ${ms(o.directMs)} direct)`,
            target: "≤ 1.10×",
            pass: o.ratio <= 1.1,
        },
        ...s.points.map((point) => ({
            figure: `Plan ${point.services} services (${point.resources} resources, policy included)`,
            result: `${seconds(point.ms)}, peak RSS ${point.rssMb.toFixed(0)} MB plan + ${point.programRssMb.toFixed(0)} MB program`,
        })),
        {
            figure: `Plan time growth: ${largest.services} services vs the line through ${s.points[0].services} and ${s.points[1].services}`,
            result: `${s.linearityRatio.toFixed(2)}×`,
            target: "≤ 1.5×",
            pass: s.linearityRatio <= 1.5,
        },
        {
            figure: `Plan ${largest.services} services on ${r.machine.cores} cores`,
            result: seconds(largest.ms),
            target: `≤ ${seconds(LARGEST_PLAN_BUDGET_MS)}`,
            pass: largest.ms <= LARGEST_PLAN_BUDGET_MS,
        },
        {
            figure: "Policy pack cold start (run-policy-pack until the port)",
            result: `${ms(p.startMs)} (no-op pack ${ms(p.noopStartMs)})`,
            target: "≤ 1500 ms",
            pass: p.startMs <= 1500,
        },
        {
            figure: `Policy analysis per resource (${p.stackResources}-resource stack)`,
            result: `${p.perResourceUs.toFixed(0)} µs (no-op pack ${p.noopPerResourceUs.toFixed(0)} µs)`,
        },
        {
            figure: "Import cost of the package on top of @pulumi/pulumi + @pulumi/aws",
            result: `${ms(r.importCost.importMs)} (the two SDKs: ${ms(r.importCost.sdkMs)})`,
        },
        {
            figure: "Deploy critical path, QuickShip with its own network",
            result: `${c.seconds} s (required dependencies alone: ${c.minimumSeconds} s)`,
            target: "= minimum",
            pass: c.seconds <= c.minimumSeconds,
        },
        {
            figure: "Deploy critical path, QuickShip in an existing network",
            result: `${e.seconds} s (namespace → Cloud Map service → ECS service: ${e.discoveryChainSeconds} s)`,
            target: "= that chain",
            pass: e.seconds <= e.minimumSeconds && e.pathIsDiscoveryChain && e.seconds === e.discoveryChainSeconds,
        },
    ];
}

/** The human report: machine, repetition counts, one line per figure, critical chains. */
export function renderTable(r: BenchResults): string {
    const m = r.machine;
    const table = rows(r).map((row) => [row.figure, row.result, row.target ?? "—", row.pass === undefined ? "" : row.pass ? "PASS" : "FAIL"]);
    const header = ["Figure", "Result (median)", "Target", ""];
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i].length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
    return [
        `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at start`,
        `Repetitions (interleaved): overhead ${r.overhead.repetitions} per program; scale ${r.scale.repetitions} per size; ` +
            `policy start ${r.policy.startRepetitions} and analysis ${r.policy.analysisRepetitions} per pack; import ${r.importCost.repetitions}`,
        "",
        line(header),
        line(widths.map((w) => "-".repeat(w))),
        ...table.map(line),
        "",
        `Critical chain (own network):      ${r.criticalPath.path.join(" → ")}`,
        `Critical chain (existing network): ${r.criticalPath.existingNetwork.path.join(" → ")}`,
        `Explicit dependsOn (own network): ${dependsOn(r.criticalPath)}`,
        `Explicit dependsOn (existing network): ${dependsOn(r.criticalPath.existingNetwork)}`,
        "",
        `Bench took ${r.totalSeconds.toFixed(0)} s.`,
    ].join("\n");
}

/** The `--json` document: the fields first, then everything behind them. */
export function toJson(r: BenchResults): Record<string, unknown> {
    return {
        overheadRatio: r.overhead.ratio,
        scale: r.scale.points.map(({ services, ms, rssMb, programRssMb, resources }) => ({ services, ms, rssMb, programRssMb, resources })),
        policy: {
            startMs: r.policy.startMs,
            perResourceUs: r.policy.perResourceUs,
            noopStartMs: r.policy.noopStartMs,
            noopPerResourceUs: r.policy.noopPerResourceUs,
            stackResources: r.policy.stackResources,
        },
        importMs: r.importCost.importMs,
        // The unavoidable chain (namespace → Cloud Map service → ECS service) next to the paths.
        criticalPath: { ...r.criticalPath, discoveryChainSeconds: r.criticalPath.existingNetwork.discoveryChainSeconds },
        overhead: r.overhead,
        scaleLinearityRatio: r.scale.linearityRatio,
        sdkImportMs: r.importCost.sdkMs,
        targets: rows(r).filter((row) => row.pass !== undefined),
        machine: r.machine,
        repetitions: {
            overhead: r.overhead.repetitions,
            scale: r.scale.repetitions,
            policyStart: r.policy.startRepetitions,
            policyAnalysis: r.policy.analysisRepetitions,
            import: r.importCost.repetitions,
        },
        totalSeconds: r.totalSeconds,
    };
}

function dependsOn(figures: PathFigures): string {
    const needless = figures.needlessDependsOn.length === 0 ? "none needless" : `needless: ${figures.needlessDependsOn.join(", ")}`;
    return `${figures.requiredDependsOn.length} required (sections/criticalPath.ts REQUIRED_ORDERINGS), ${needless}`;
}

function ms(value: number): string {
    return `${value.toFixed(0)} ms`;
}

function seconds(value: number): string {
    return `${(value / 1000).toFixed(1)} s`;
}

import * as path from "path";
import { performance } from "perf_hooks";
import { analyzeResources, startPolicyPack } from "../../engine/policyEngine";
import { spawnPolicyPack } from "../../engine/policyPackProcess";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { progress } from "../lib/progress";
import { repoRoot } from "../lib/repoRoot";
import { interleaved, median } from "../lib/stats";
import { scaleTopology } from "../programs/scaleTopology";

export const POLICY_START_REPETITIONS = 10;
export const POLICY_ANALYSIS_REPETITIONS = 5;
/** Services of the generated platform that make a stack of about 1,000 resources. */
export const ANALYSIS_STACK_SERVICES = 66;

export interface PolicyResult {
    /** Median time from spawning run-policy-pack to the port it prints, this repository's pack. */
    readonly startMs: number;
    readonly noopStartMs: number;
    /** Median Remediate + Analyze per resource and AnalyzeStack, divided by the resource count. */
    readonly perResourceUs: number;
    readonly noopPerResourceUs: number;
    readonly stackResources: number;
    readonly startRepetitions: number;
    readonly analysisRepetitions: number;
}

/**
 * The policy pack against a pack whose policies do nothing (bench/noop-pack), both driven
 * by engine/policyEngine.ts along the engine's path: what remains after subtracting the
 * no-op figures is the cost of this pack's own code.
 */
export async function measurePolicy(): Promise<PolicyResult> {
    const packs = { real: path.join(repoRoot(), "policy-pack"), noop: path.join(repoRoot(), "bench", "noop-pack") };

    const timeStart = (dir: string) => async () => {
        const start = performance.now();
        const pack = await spawnPolicyPack(dir);
        const ms = performance.now() - start;
        await pack.kill();
        return ms;
    };
    progress(`policy: ${POLICY_START_REPETITIONS} interleaved cold starts of each pack`);
    const starts = await interleaved({ real: timeStart(packs.real), noop: timeStart(packs.noop) }, POLICY_START_REPETITIONS);

    // Recorded as `npm run plan` records it (an update, values known), so policies see every value.
    const { graph } = await runUnderMocks(() => scaleTopology(ANALYSIS_STACK_SERVICES), { project: "bench-scale" });
    const resources = graph.resources;
    const timeAnalysis = (dir: string) => async () => {
        // A fresh pack each time, as each preview starts one; only the analysis is timed.
        const session = await startPolicyPack(dir);
        try {
            await session.configureStack({ project: "bench-scale", stack: "dev", dryRun: false });
            await session.configure();
            const start = performance.now();
            await analyzeResources(session, resources);
            return performance.now() - start;
        } finally {
            await session.close();
        }
    };
    progress(`policy: ${POLICY_ANALYSIS_REPETITIONS} interleaved analyses of a ${resources.length}-resource stack by each pack`);
    const analyses = await interleaved({ real: timeAnalysis(packs.real), noop: timeAnalysis(packs.noop) }, POLICY_ANALYSIS_REPETITIONS);
    const perResourceUs = (samples: number[]) => (median(samples) * 1000) / resources.length;
    return {
        startMs: median(starts.real),
        noopStartMs: median(starts.noop),
        perResourceUs: perResourceUs(analyses.real),
        noopPerResourceUs: perResourceUs(analyses.noop),
        stackResources: resources.length,
        startRepetitions: POLICY_START_REPETITIONS,
        analysisRepetitions: POLICY_ANALYSIS_REPETITIONS,
    };
}

import { runUnderMocks } from "../../engine/runUnderMocks";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";
import { runChild } from "../lib/childProcess";
import { customResourceDifferences } from "../lib/graphEquivalence";
import { progress } from "../lib/progress";
import { interleaved, median } from "../lib/stats";
import { quickshipDirect } from "../programs/quickshipDirect";

export const OVERHEAD_REPETITIONS = 25;

export interface OverheadResult {
    /** Median whole-process time through the components over the direct program's. */
    readonly ratio: number;
    readonly componentsMs: number;
    readonly directMs: number;
    /** AWS resources in each graph, proven identical before timing. */
    readonly customResources: number;
    readonly repetitions: number;
}

/**
 * QuickShip through the components vs the same AWS resources declared directly, each a
 * fresh compiled `node` process under the same mocks. Refuses to time two programs that
 * do not declare the same resources: the ratio would mean nothing.
 */
export async function measureOverhead(): Promise<OverheadResult> {
    progress("overhead: checking that both programs declare the same AWS resources");
    const viaComponents = await runUnderMocks(quickshipProgram, { project: "quickship" });
    const direct = await runUnderMocks(quickshipDirect, { project: "quickship" });
    const differences = customResourceDifferences(viaComponents.graph.resources, direct.graph.resources);
    if (differences.length > 0) {
        throw new Error(`bench/programs/quickshipDirect.ts no longer declares what the components do:\n${differences.join("\n")}`);
    }

    const run = (variant: string) => async () => (await runChild("runQuickship", [variant])).ms;
    progress("overhead: warming up (one untimed run each)");
    await run("components")();
    await run("direct")();
    progress(`overhead: ${OVERHEAD_REPETITIONS} interleaved runs of each program`);
    const samples = await interleaved({ components: run("components"), direct: run("direct") }, OVERHEAD_REPETITIONS);
    const componentsMs = median(samples.components);
    const directMs = median(samples.direct);
    return {
        ratio: componentsMs / directMs,
        componentsMs,
        directMs,
        customResources: direct.graph.resources.filter((r) => r.custom).length,
        repetitions: OVERHEAD_REPETITIONS,
    };
}

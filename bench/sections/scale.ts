import { runChild } from "../lib/childProcess";
import { progress } from "../lib/progress";
import { interleaved, median } from "../lib/stats";

export const SCALE_SIZES = [10, 50, 200] as const;
export const SCALE_REPETITIONS = 3;

export interface ScalePoint {
    readonly services: number;
    /** Median wall time of a fresh process planning as `npm run plan` does, policy pack included. */
    readonly ms: number;
    /** Median peak RSS of the plan process. */
    readonly rssMb: number;
    /** Median peak RSS of the program's process (it runs under mocks in a process of its own). */
    readonly programRssMb: number;
    readonly resources: number;
}

export interface ScaleResult {
    readonly points: readonly ScalePoint[];
    /**
     * The largest size's time over the straight line through the two smallest sizes,
     * extrapolated: a line through two points keeps the fixed start-up cost out of the
     * per-service slope, so anything above 1 is growth faster than linear.
     */
    readonly linearityRatio: number;
    readonly repetitions: number;
}

interface PlanReport {
    readonly rssMb: number;
    readonly programRssMb: number;
    readonly resources: number;
}

/** Plans generated platforms of each size in fresh processes, sizes interleaved. */
export async function measureScale(): Promise<ScaleResult> {
    const reports = new Map<number, PlanReport[]>();
    const variants = Object.fromEntries(SCALE_SIZES.map((services) => [String(services), async () => {
        const { ms, report } = await runChild<PlanReport>("plan", [String(services)]);
        reports.set(services, [...(reports.get(services) ?? []), report]);
        progress(`scale: ${services} services planned in ${(ms / 1000).toFixed(1)} s`);
        return ms;
    }]));
    // One untimed plan first: the type check's cache (node_modules/.cache/cloudmap-plan) is then warm, as on a developer's machine.
    await runChild<PlanReport>("plan", [String(SCALE_SIZES[0])]);
    progress(`scale: ${SCALE_REPETITIONS} interleaved plans of ${SCALE_SIZES.join(", ")} services`);
    const samples = await interleaved(variants, SCALE_REPETITIONS);
    const points = SCALE_SIZES.map((services) => ({
        services,
        ms: median(samples[String(services)]),
        rssMb: median((reports.get(services) ?? []).map((r) => r.rssMb)),
        programRssMb: median((reports.get(services) ?? []).map((r) => r.programRssMb)),
        resources: reports.get(services)?.[0]?.resources ?? 0,
    }));
    const [small, medium, large] = points;
    const predicted = small.ms + ((medium.ms - small.ms) * (large.services - small.services)) / (medium.services - small.services);
    return { points, linearityRatio: large.ms / predicted, repetitions: SCALE_REPETITIONS };
}

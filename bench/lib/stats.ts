/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) {
        throw new Error("median of no values");
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs every variant once per repetition, reversing the order on alternate repetitions
 * (A B, B A, A B, …), so drift in the machine's state (other load, CPU frequency, page
 * cache) spreads over all variants instead of favouring whichever always runs first.
 * Each variant returns its measurement; the samples come back per variant.
 */
export async function interleaved<K extends string>(
    variants: Readonly<Record<K, () => Promise<number>>>,
    repetitions: number,
): Promise<Record<K, number[]>> {
    const names = Object.keys(variants) as K[];
    const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
    for (let rep = 0; rep < repetitions; rep++) {
        for (const name of rep % 2 === 0 ? names : [...names].reverse()) {
            samples[name].push(await variants[name]());
        }
    }
    return samples;
}

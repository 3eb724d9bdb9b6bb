import { runChild } from "../lib/childProcess";
import { progress } from "../lib/progress";
import { median } from "../lib/stats";

export const IMPORT_REPETITIONS = 10;

export interface ImportResult {
    /** Median time to load the package once @pulumi/pulumi and @pulumi/aws are loaded. */
    readonly importMs: number;
    /** Median time to load @pulumi/pulumi + @pulumi/aws themselves, for scale. */
    readonly sdkMs: number;
    readonly repetitions: number;
}

/** Loads the compiled package in fresh processes (see children/loadPackage.ts). */
export async function measureImport(): Promise<ImportResult> {
    progress(`import: ${IMPORT_REPETITIONS} fresh processes loading the SDKs, then the package`);
    const runs = [];
    for (let i = 0; i < IMPORT_REPETITIONS; i++) {
        runs.push((await runChild<{ sdkMs: number; packageMs: number }>("loadPackage")).report);
    }
    return {
        importMs: median(runs.map((r) => r.packageMs)),
        sdkMs: median(runs.map((r) => r.sdkMs)),
        repetitions: IMPORT_REPETITIONS,
    };
}

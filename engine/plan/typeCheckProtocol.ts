import type { NodeRuntimeOptions } from "./languageHost";

/** What the plan asks of the type checker (typeCheckHost.ts). */
export interface TypeCheckRequest {
    readonly programDir: string;
    readonly main: string;
    readonly mainIsFile: boolean;
    readonly runtimeOptions: NodeRuntimeOptions;
    /** Diagnostics name files relative to this directory (the user's working directory). */
    readonly displayDir: string;
}

export interface TypeCheckOutcome {
    /** `skipped`: pulumi would not type-check this program (the detail says why). */
    readonly status: "passed" | "failed" | "skipped";
    /** The diagnostics (failed), what was checked (passed), or why nothing was (skipped). */
    readonly detail: string;
}

export interface TypeCheckMessage {
    readonly kind: "checked";
    readonly outcome: TypeCheckOutcome;
    /** Every file and directory the decision depends on; the cached outcome holds until one changes. */
    readonly files: readonly string[];
}

import type { StackReferenceUse } from "../awsMocks";
import type { RecordedResource } from "../resourceGraph";
import type { NodeRuntimeOptions } from "./languageHost";

/** What the plan asks of the program's process (programHost.ts). */
export interface ProgramRunRequest {
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    /** Full configuration, keys namespaced. */
    readonly config: Readonly<Record<string, string>>;
    /** The directory holding Pulumi.yaml. */
    readonly rootDir: string;
    /** The program's working directory, as the language host's `--pwd`: Pulumi.yaml's `main` directory, or the file's directory. */
    readonly programDir: string;
    /** Pulumi.yaml's `main`, resolved (a file or a directory), or the project directory. */
    readonly main: string;
    readonly mainIsFile: boolean;
    readonly runtimeOptions: NodeRuntimeOptions;
    /** The stack's `aws:region`. */
    readonly region: string;
    readonly stackReferenceOutputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /** When the whole plan must be done (epoch milliseconds). */
    readonly deadline: number;
}

/** Why the program produced no plan. */
export interface ProgramFailure {
    /**
     * `threw`: an exception or rejection; `exit`: it called process.exit or set a failing
     * exitCode; `stalled`: nothing left to run but work still pending; `timeout`: the
     * plan's time ran out; `unsupported`: it cannot run this way (the message says why and
     * what to do instead).
     */
    readonly reason: "threw" | "exit" | "stalled" | "timeout" | "unsupported";
    readonly message: string;
    /** The program's own stack frame, e.g. `at Object.<anonymous> (/x/index.ts:3:7)`. */
    readonly location?: string;
    /** What never finished (stalled, timeout). */
    readonly pending?: readonly string[];
    /** True when it happened after the program's outputs had settled (in a timer, a late rejection). */
    readonly late?: boolean;
}

export type ProgramHostMessage =
    | {
        readonly kind: "result";
        /** The file the language host would run. */
        readonly entry: string;
        /** The graph in wire form (wireProperties.ts). */
        readonly resources: readonly RecordedResource[];
        readonly outputs: Record<string, unknown>;
        readonly stackReferences: readonly StackReferenceUse[];
        readonly peakRssMb: number;
    }
    | { readonly kind: "failed"; readonly failure: ProgramFailure };

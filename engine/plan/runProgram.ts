import * as path from "path";
import type { StackReferenceUse } from "../awsMocks";
import { ResourceGraph } from "../resourceGraph";
import { startEngineChild } from "./engineChild";
import { PulumiProject } from "./loadProject";
import { ProgramFailure, ProgramHostMessage, ProgramRunRequest } from "./programHostProtocol";
import { DEFAULT_REGION } from "./regions";

/** The program produced no plan: it threw, exited, stopped making progress, or ran out of time. */
export class ProgramError extends Error {
    override readonly name = "ProgramError";

    constructor(readonly program: string, readonly failure: ProgramFailure) {
        super(`${program} ${headline(failure)}${(failure.pending ?? []).map((line) => `\n  - ${line}`).join("")}`);
    }

    /** The program's own stack frame where it failed, when there is one. */
    get location(): string | undefined {
        return this.failure.location;
    }
}

function headline(failure: ProgramFailure): string {
    switch (failure.reason) {
        case "stalled":
            return `stopped making progress: ${failure.message.replace(/^the program stopped making progress: /, "")}:`;
        case "timeout":
            return `did not finish in time: ${failure.message}. Still pending:`;
        default:
            return failure.late
                ? `failed after its resources and outputs had settled (in a timer or callback): ${failure.message}`
                : `failed: ${failure.message}`;
    }
}

export interface ProgramRunOptions {
    /** When the whole plan must be done (epoch ms); the program is stopped then. */
    readonly deadline: number;
    readonly organization: string;
    readonly stackReferenceOutputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /** Where the program's own stdout and stderr go. @default this process's stderr */
    readonly onOutput?: (chunk: Buffer) => void;
    /** Stops the program's process when aborted (the plan failed elsewhere). */
    readonly signal?: AbortSignal;
}

export interface ProgramRun {
    /** The file the language host would run. */
    readonly entry: string;
    /** The graph, properties in wire form (wireProperties.ts). */
    readonly graph: ResourceGraph;
    /** The stack outputs, in wire form (unknown ones are the unknown sentinel). */
    readonly outputs: Record<string, unknown>;
    readonly stackReferences: readonly StackReferenceUse[];
    /** The program process's peak resident set size. */
    readonly peakRssMb: number;
    /**
     * Resolves once the program has finished what it started after its outputs settled;
     * rejects with ProgramError if that failed (an exception in a timer, process.exit, …).
     */
    readonly settled: Promise<void>;
}

// How long after the deadline the program's process may take to report before it is killed.
const REPORT_GRACE_MS = 5_000;

/**
 * Runs a project's program in a process of its own (programHost.ts) under AWS-shaped mocks,
 * as the Pulumi Node.js language host would run it for `pulumi preview`, and resolves with
 * the graph once its resources and outputs have settled.
 */
export function runProgram(project: PulumiProject, options: ProgramRunOptions): Promise<ProgramRun> {
    const program = path.relative(process.cwd(), project.main) || ".";
    const request: ProgramRunRequest = {
        project: project.name,
        stack: project.stack,
        organization: options.organization,
        config: project.config,
        rootDir: project.dir,
        programDir: project.programDir,
        main: project.main,
        mainIsFile: project.mainIsFile,
        runtimeOptions: project.runtimeOptions,
        region: project.config["aws:region"] ?? DEFAULT_REGION,
        stackReferenceOutputs: options.stackReferenceOutputs,
        deadline: options.deadline,
    };
    const child = startEngineChild<ProgramHostMessage>("programHost", request, {
        onOutput: options.onOutput ?? ((chunk) => void process.stderr.write(chunk)),
    });
    options.signal?.addEventListener("abort", () => child.kill(), { once: true });
    return new Promise<ProgramRun>((resolve, reject) => {
        let ran = false;
        let reported = false;
        let settle = { resolve: (): void => undefined, reject: (_: Error): void => undefined };
        const settled = new Promise<void>((res, rej) => (settle = { resolve: res, reject: rej }));
        // Awaited by the plan; never left to surface as an unhandled rejection meanwhile.
        settled.catch(() => undefined);
        const failWith = (error: ProgramError): void => (ran ? settle.reject(error) : reject(error));
        const killer = setTimeout(() => {
            child.kill();
            failWith(new ProgramError(program, { reason: "timeout", message: "the plan's time limit (--timeout) ran out, and the program's process did not answer", pending: [] }));
        }, Math.max(0, options.deadline - Date.now()) + REPORT_GRACE_MS);
        killer.unref();
        child.onMessage((message) => {
            if (message.kind === "failed") {
                reported = true;
                failWith(new ProgramError(program, message.failure));
                return;
            }
            ran = true;
            resolve({
                entry: message.entry,
                graph: new ResourceGraph(message.resources),
                outputs: message.outputs,
                stackReferences: message.stackReferences,
                peakRssMb: message.peakRssMb,
                settled,
            });
        });
        void child.exited.then(({ code, signal }) => {
            clearTimeout(killer);
            if (reported) {
                return;
            }
            if (ran && code === 0) {
                settle.resolve();
                return;
            }
            failWith(new ProgramError(program, {
                reason: "exit",
                message: `the program's process ended (${signal ? `signal ${signal}` : `exit code ${code}`}) without reporting why` +
                    (signal === "SIGKILL" ? " (killed: out of memory, or stopped from outside?)" : ""),
            }));
        });
    });
}

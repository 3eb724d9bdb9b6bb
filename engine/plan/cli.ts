#!/usr/bin/env node
// First: from here on the engine's own TypeScript is compiled through the cache (when run from source).
import "./cacheEngineSources";
import { stopAllChildren } from "../childProcesses";
import { parseCliArgs, USAGE, UsageError } from "./args";
import { formatPlan } from "./formats";
import { FailureDocument } from "./json";
import { ProjectError } from "./loadProject";
import { exitCodeOf, planProgram } from "./planProgram";
import { PolicyPackError, readPolicyPackConfig } from "./policy";
import { createProgress } from "./progress";
import { ProgramError } from "./runProgram";
import { readStackReferenceOutputs } from "./stackReferenceOutputs";
import { colourWanted } from "./style";
import { TypeCheckError } from "./typeCheck";

/** Exit statuses; documented in USAGE. Nothing else is ever returned for a finished run. */
export const EXIT = { clean: 0, mandatoryViolation: 1, noPlan: 2 } as const;

/** Exit statuses when a signal stops the plan: 128 + the signal's number, as shells report them. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** What a run prints on stdout, all at once at the end, and its exit status. */
export interface CliOutcome {
    readonly code: number;
    readonly stdout: string;
}

/**
 * `npm run plan -- <programDir> …`. Everything for stdout is produced before anything is
 * written, so a plan is never followed by a crash: exit 2 prints no plan (with the json
 * format, one failure document instead). Errors and progress go to stderr as they happen.
 */
export async function main(argv: readonly string[]): Promise<CliOutcome> {
    // Known before the arguments are: a usage error with --json still gets its document.
    const json = argv.includes("--json") || argv.some((arg, i) => arg === "--format=json" || (arg === "--format" && argv[i + 1] === "json"));
    let options;
    try {
        options = parseCliArgs(argv);
    } catch (err) {
        if (err instanceof UsageError) {
            process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
            return failed(json, "usage", err.message);
        }
        throw err;
    }
    if (options === "help") {
        return { code: EXIT.clean, stdout: USAGE };
    }
    const progress = createProgress();
    try {
        const plan = await planProgram(options.programDir, {
            stack: options.stack,
            config: options.config,
            policyPack: options.policyPack,
            policyPackConfig: options.policyPackConfigFile === undefined ? undefined : readPolicyPackConfig(options.policyPackConfigFile),
            stackReferenceOutputs: options.stackReferenceOutputsFile === undefined ? undefined : readStackReferenceOutputs(options.stackReferenceOutputsFile),
            organization: options.organization,
            timeoutSeconds: options.timeoutSeconds,
            traffic: options.traffic,
            onStep: (step) => progress.step(step),
            onDetail: (message) => progress.detail(message),
        });
        progress.done();
        return { code: exitCodeOf(plan), stdout: formatPlan(options.format, plan, { colour: colourWanted(process.stdout) }) };
    } catch (err) {
        progress.fail();
        const location = err instanceof ProgramError ? err.location : undefined;
        process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n${location ? `  ${location}\n` : ""}`);
        return failed(options.format === "json", kindOf(err), err instanceof Error ? err.message : String(err), location);
    }
}

function kindOf(err: unknown): FailureDocument["error"]["kind"] {
    return err instanceof UsageError ? "usage"
        : err instanceof ProjectError ? "project"
        : err instanceof TypeCheckError ? "type-check"
        : err instanceof ProgramError ? "program"
        : err instanceof PolicyPackError ? "policy-pack"
        : "internal";
}

function failed(json: boolean, kind: FailureDocument["error"]["kind"], message: string, location?: string): CliOutcome {
    const document: FailureDocument = { error: { kind, message, location: location ?? null } };
    return { code: EXIT.noPlan, stdout: json ? `${JSON.stringify(document, null, 2)}\n` : "" };
}

/**
 * Runs the CLI as a process: writes the outcome, then exits at once, so timers or sockets the
 * program left open never keep it alive. Ends every child process (policy pack, program) on
 * the way out, also when stopped by SIGINT, SIGTERM or SIGHUP, or when the process that
 * started it goes away (`npm` stopped with SIGTERM does not pass the signal on through its
 * shell). A reader that closes stdout early (`| head -1`) just ends the output.
 */
export function runCli(argv: readonly string[]): void {
    let exiting = false;
    const exit = (code: number): void => {
        if (!exiting) {
            exiting = true;
            void stopAllChildren().then(() => process.exit(code));
        }
    };
    const say = (text: string): void => void process.stderr.write(text);
    for (const stream of [process.stdout, process.stderr]) {
        // EPIPE: the reader went away; there is no one left to tell.
        stream.on("error", () => undefined);
    }
    const stop = (why: string, code: number): void => {
        if (exiting) {
            return;
        }
        say(`\nplan: ${why}\n`);
        // The plan's own steps now fail as their processes are killed; that is not news.
        process.stderr.write = (() => true) as typeof process.stderr.write;
        exit(code);
    };
    for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
        process.on(signal, () => stop(`stopped by ${signal}`, code));
    }
    const parent = process.ppid;
    setInterval(() => {
        if (process.ppid !== parent) {
            stop("the process that started the plan has gone; stopping", SIGNAL_EXIT.SIGTERM);
        }
    }, 250).unref();
    process.on("uncaughtException", (err) => {
        say(`error: internal error in the plan: ${err.stack ?? err.message}\n`);
        exit(EXIT.noPlan);
    });
    main(argv).then(
        ({ code, stdout }) => (stdout === "" ? exit(code) : process.stdout.write(stdout, () => exit(code))),
        (err: unknown) => {
            say(`error: internal error in the plan: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
            exit(EXIT.noPlan);
        },
    );
}

if (require.main === module) {
    runCli(process.argv.slice(2));
}

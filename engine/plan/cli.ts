#!/usr/bin/env node
import * as path from "path";
import { parseCliArgs, USAGE, UsageError } from "./args";
import { formatPlan } from "./formats";
import { exitCodeOf, planProgram } from "./planProgram";
import { readPolicyPackConfig } from "./policy";
import { createProgress } from "./progress";
import { ProgramError } from "./runProgram";
import { colourWanted } from "./style";

/** Exit statuses; documented in USAGE. */
export const EXIT = { clean: 0, mandatoryViolation: 1, noPlan: 2 } as const;

/** `npm run plan -- <programDir> …`: resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
    let options;
    try {
        options = parseCliArgs(argv);
    } catch (err) {
        if (err instanceof UsageError) {
            process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
            return EXIT.noPlan;
        }
        throw err;
    }
    if (options === "help") {
        process.stdout.write(USAGE);
        return EXIT.clean;
    }
    const writeStdout = process.stdout.write.bind(process.stdout);
    if (options.format !== "text") {
        // stdout must carry exactly one document, but the program (console.log,
        // pulumi.log.info) and libraries may print too: send all of that to stderr.
        process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    }
    const progress = createProgress();
    try {
        const plan = await planProgram(options.programDir, {
            stack: options.stack,
            config: options.config,
            policyPack: options.policyPack,
            policyPackConfig: options.policyPackConfigFile === undefined ? undefined : readPolicyPackConfig(options.policyPackConfigFile),
            traffic: options.traffic,
            onStep: (step) => progress.step(step),
            onDetail: (message) => progress.detail(message),
        });
        progress.done();
        writeStdout(formatPlan(options.format, plan, { colour: colourWanted(process.stdout) }));
        return exitCodeOf(plan);
    } catch (err) {
        progress.fail();
        process.stderr.write(`error: ${(err as Error).message ?? String(err)}\n${whereInProgram(err)}`);
        return EXIT.noPlan;
    }
}

// Frames inside this package's components point at the validation, not at the call to fix.
const COMPONENTS_DIR = path.resolve(__dirname, "..", "..", "components") + path.sep;

/** The program's own stack frame that threw (not the SDK's, a library's or a component's), so the user can jump to it. */
function whereInProgram(err: unknown): string {
    if (!(err instanceof ProgramError) || !(err.cause instanceof Error)) {
        return "";
    }
    const frame = (err.cause.stack ?? "").split("\n").find((line) =>
        /^\s+at /.test(line) && line.includes(err.projectDir + path.sep) && !line.includes(`${path.sep}node_modules${path.sep}`) &&
        !line.includes(COMPONENTS_DIR));
    return frame ? `  ${frame.trim()}\n` : "";
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}

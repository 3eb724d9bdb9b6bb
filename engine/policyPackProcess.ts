import { spawn } from "child_process";
import * as path from "path";
import { ownChild } from "./childProcesses";

/** A running policy pack: the analyzer gRPC server the pack started. */
export interface PolicyPackProcess {
    readonly port: number;
    /** Everything the pack wrote to stderr so far, for error messages. */
    stderr(): string;
    /** Resolves when the pack's process ends, with how it ended (`code 1`, `signal SIGKILL`). */
    readonly exited: Promise<string>;
    /** Stops the pack; resolves once it has exited. */
    kill(): Promise<void>;
}

// A compiled pack starts in about a second; a TypeScript one is type-checked first.
const DEFAULT_START_TIMEOUT_MS = 60_000;

// The engine address the pack would use to log through the engine; nothing listens there,
// and @pulumi/policy only needs it to be present on the command line.
const NO_ENGINE_ADDRESS = "127.0.0.1:0";

function runPolicyPackScript(): string {
    return path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run-policy-pack");
}

/**
 * Starts a policy pack as the Node language host does: `node <@pulumi/pulumi>/cmd/run-policy-pack
 * <engine-address> <packDir>` with the pack directory as the working directory, then reads the
 * port the pack prints as the first line of stdout.
 */
export function spawnPolicyPack(packDir: string, options: { deadline?: number } = {}): Promise<PolicyPackProcess> {
    const dir = path.resolve(packDir);
    const child = spawn(process.execPath, [runPolicyPackScript(), NO_ENGINE_ADDRESS, dir], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
    });
    // Never outlives the plan, whether it ends, fails or is interrupted.
    ownChild(child);
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)));
    const kill = async (): Promise<void> => {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill();
            await exited;
        }
    };
    const startTimeoutMs = options.deadline === undefined ? DEFAULT_START_TIMEOUT_MS : Math.max(0, options.deadline - Date.now());

    return new Promise<PolicyPackProcess>((resolve, reject) => {
        let settled = false;
        const fail = (reason: string): void => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            void kill();
            reject(new Error(`Policy pack ${dir} did not start: ${reason}\n` +
                `stdout: ${stdout.trim() || "(empty)"}\nstderr: ${stderr.trim() || "(empty)"}`));
        };
        const timer = setTimeout(() => fail(`no port printed within ${Math.round(startTimeoutMs / 1000)} s`), startTimeoutMs);
        child.once("error", (err) => fail(err.message));
        child.once("exit", (code, signal) => fail(`it exited with ${signal ?? `code ${code}`}`));
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (settled || newline < 0) {
                return;
            }
            const first = stdout.slice(0, newline).trim();
            if (!/^\d+$/.test(first)) {
                fail(`the first line of stdout must be the port, got "${first}" (the pack must print nothing before serving)`);
                return;
            }
            settled = true;
            clearTimeout(timer);
            resolve({ port: Number(first), stderr: () => stderr, exited, kill });
        });
    });
}

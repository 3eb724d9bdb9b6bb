import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Readable, Writable } from "stream";
import { ownChild } from "../childProcesses";

/**
 * The plan's own work that runs in processes of its own (the program under mocks, the
 * type checker). The parent writes one JSON request on the child's stdin; the child
 * answers with JSON messages, one per line, on descriptor 3 (`REPORT_FD`), written
 * synchronously so that a message is out even when the child exits right after. The child's
 * stdout and stderr are the program's own output.
 */
export const REPORT_FD = 3;

/** Child side: the request the parent wrote on stdin. */
export function readRequest<T>(): T {
    return JSON.parse(fs.readFileSync(0, "utf8")) as T;
}

/** Child side: sends one message to the parent, synchronously. */
export function report(message: object): void {
    fs.writeSync(REPORT_FD, `${JSON.stringify(message)}\n`);
}

export interface EngineChild<M> {
    /** Calls `listener` with each message, in order. */
    onMessage(listener: (message: M) => void): void;
    /** Resolves once the child has exited and its output is read. */
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    kill(): void;
}

// The engine's root (this file is engine/plan/engineChild.{ts,js}, possibly under dist/…).
const ENGINE_ROOT = path.resolve(__dirname, "..", "..");

/** ts-node's `ignore` setting, as an environment variable, and the value that confines it to engine/ (paths relative to ENGINE_ROOT). */
export const ENGINE_ONLY_VARIABLE = "TS_NODE_IGNORE";
const ENGINE_ONLY_PATTERN = "^(?!engine[\\\\/])";

/**
 * Starts `engine/plan/<script>` in a fresh Node process and sends it `request`. Works both
 * compiled (`<script>.js`) and from source, where the child registers ts-node for the
 * engine's own files, with the engine's tsconfig (its working directory is the engine's
 * root until it changes to the program's).
 */
export function startEngineChild<M>(script: string, request: unknown, options: { onOutput: (chunk: Buffer) => void }): EngineChild<M> {
    const fromSource = path.extname(__filename) === ".ts";
    const file = path.join(__dirname, `${script}${fromSource ? ".ts" : ".js"}`);
    const args = fromSource ? ["-r", require.resolve("ts-node/register/transpile-only"), file] : [file];
    const child = spawn(process.execPath, args, {
        cwd: ENGINE_ROOT,
        // From source, the engine's ts-node compiles the engine's files only (the child hosts
        // import nothing outside engine/): the program's, wherever they are, are left to the
        // program's own ts-node (see programHost.ts).
        env: fromSource ? { ...process.env, [ENGINE_ONLY_VARIABLE]: ENGINE_ONLY_PATTERN } : process.env,
        stdio: ["pipe", "pipe", "pipe", "pipe"],
    });
    ownChild(child);
    const listeners: ((message: M) => void)[] = [];
    const queued: M[] = [];
    let partial = "";
    const messages = child.stdio[REPORT_FD] as Readable;
    messages.setEncoding("utf8").on("data", (chunk: string) => {
        partial += chunk;
        let newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            const message = JSON.parse(partial.slice(0, newline)) as M;
            partial = partial.slice(newline + 1);
            if (listeners.length === 0) {
                queued.push(message);
            }
            listeners.forEach((listener) => listener(message));
        }
    });
    child.stdout?.on("data", options.onOutput);
    child.stderr?.on("data", options.onOutput);
    const stdin = child.stdin as Writable;
    // A child that dies before reading its request must not turn into an EPIPE here.
    stdin.on("error", () => undefined);
    stdin.end(JSON.stringify(request));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once("error", () => resolve({ code: null, signal: null }));
        child.once("close", (code, signal) => resolve({ code, signal }));
    });
    return {
        onMessage(listener) {
            listeners.push(listener);
            queued.splice(0).forEach(listener);
        },
        exited,
        kill: () => void child.kill("SIGKILL"),
    };
}

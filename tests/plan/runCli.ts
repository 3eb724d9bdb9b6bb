import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./fixtures";

export interface Run {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
}

export interface StartedRun {
    readonly child: ChildProcess;
    /** Resolves once stderr matches `pattern` (rejects if the run ends first). */
    stderrMatches(pattern: RegExp): Promise<void>;
    readonly done: Promise<Run>;
}

export interface RunOptions {
    /** Run the TypeScript sources through ts-node, as `npm run plan` does. @default false: the compiled CLI, as the package ships it */
    readonly fromSource?: boolean;
    /** Added to the environment. */
    readonly env?: Readonly<Record<string, string>>;
}

const COMPILED_CLI = path.join(REPO_ROOT, "dist", "plan-cli", "engine", "plan", "cli.js");
let compiled = false;

/**
 * Compiles the CLI on its own (tests/plan/tsconfig.cli.json) into dist/plan-cli, once per
 * test run, so the tests run what ships: plain node on JavaScript, never ts-node.
 */
export function compileCli(): void {
    if (!compiled) {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(__dirname, "tsconfig.cli.json")], { stdio: "inherit" });
        compiled = true;
    }
}

/** Starts the plan CLI with `args`, stdout and stderr piped, from the repository root. */
export function startPlan(args: readonly string[], options: RunOptions = {}): StartedRun {
    const argv = options.fromSource
        ? ["-r", "ts-node/register/transpile-only", path.join(REPO_ROOT, "engine", "plan", "cli.ts"), ...args]
        : [COMPILED_CLI, ...args];
    if (!options.fromSource) {
        compileCli();
    }
    const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, env: { ...process.env, ...options.env } });
    return started(child);
}

/** Starts `command` (e.g. `npm`) with `args` from the repository root. */
export function startCommand(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): StartedRun {
    compileCli();
    return started(spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env } }));
}

function started(child: ChildProcess): StartedRun {
    let stdout = "";
    let stderr = "";
    const waiters: { pattern: RegExp; resolve: () => void }[] = [];
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        waiters.filter((w) => w.pattern.test(stderr)).forEach((w) => w.resolve());
    });
    const done = new Promise<Run>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    return {
        child,
        done,
        stderrMatches: (pattern) => new Promise<void>((resolve, reject) => {
            if (pattern.test(stderr)) {
                resolve();
                return;
            }
            waiters.push({ pattern, resolve });
            void done.then(() => reject(new Error(`the run ended before stderr matched ${pattern}:\n${stderr}`)));
        }),
    };
}

/** Runs the plan CLI to the end. */
export function plan(args: readonly string[], options: RunOptions = {}): Promise<Run> {
    return startPlan(args, options).done;
}

/**
 * The compiled CLI with its stdout piped into `head -1`, through bash so the CLI's own exit
 * status can be read: stdout ends with a line `plan exit: <status>`.
 */
export function planPipedToHead(args: readonly string[]): Promise<Run> {
    compileCli();
    const script = '"$@" | head -1; echo "plan exit: ${PIPESTATUS[0]}"';
    return started(spawn("bash", ["-c", script, "bash", process.execPath, COMPILED_CLI, ...args], { cwd: REPO_ROOT })).done;
}

/** True while `pid` is a live process (not gone, not a zombie waiting to be reaped). */
export function isRunning(pid: number): boolean {
    try {
        const state = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()?.charAt(0);
        return state !== undefined && state !== "Z" && state !== "X";
    } catch {
        return false;
    }
}

/** Every process descended from `pid`, with its command line (Linux /proc). */
export function descendants(pid: number): { pid: number; command: string }[] {
    const all = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            const ppid = Number(stat.split(") ").pop()?.split(" ")[1]);
            const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
            return [{ pid: Number(entry), ppid, command }];
        } catch {
            return [];
        }
    });
    const found: { pid: number; command: string }[] = [];
    const walk = (parent: number): void => {
        for (const p of all.filter((candidate) => candidate.ppid === parent)) {
            found.push({ pid: p.pid, command: p.command });
            walk(p.pid);
        }
    };
    walk(pid);
    return found;
}

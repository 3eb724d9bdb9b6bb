import { spawn } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "./fixtures";

export interface CliRun {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the plan CLI as `npm run plan` does, from the repository root, with stdout and stderr piped. */
export function runPlanCli(...args: string[]): Promise<CliRun> {
    const cli = path.join(REPO_ROOT, "engine", "plan", "cli.ts");
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", cli, ...args], { cwd: REPO_ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    return new Promise((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

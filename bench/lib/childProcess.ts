import { spawn } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import { Readable } from "stream";
import { REPORT_FD } from "./childReport";

export interface ChildRun<R> {
    /** Wall time from spawn to exit: the whole process, Node start-up included. */
    readonly ms: number;
    /** What the child passed to `reportToParent` (childReport.ts). */
    readonly report: R;
}

/**
 * Runs `bench/children/<name>` in a fresh `node` (compiled, like the rest of the bench) and
 * times it. Rejects with the child's stderr when it fails or reports nothing.
 */
export function runChild<R = Record<string, never>>(name: string, args: readonly string[] = []): Promise<ChildRun<R>> {
    const script = path.join(__dirname, "..", "children", `${name}.js`);
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
        let stderr = "";
        let report = "";
        child.stdio[2]?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        (child.stdio[REPORT_FD] as Readable | null)?.setEncoding("utf8").on("data", (chunk: string) => (report += chunk));
        let ms = 0;
        child.once("error", reject);
        child.once("exit", () => (ms = performance.now() - start));
        // "close" comes after "exit", once the pipes are drained and the whole report is in.
        child.once("close", (code, signal) => {
            if (code !== 0 || report === "") {
                const why = code !== 0 ? `failed (${signal ?? `exit ${code}`})` : "reported nothing";
                reject(new Error(`bench child ${name} ${args.join(" ")} ${why}:\n${stderr.trim()}`));
                return;
            }
            resolve({ ms, report: JSON.parse(report) as R });
        });
    });
}

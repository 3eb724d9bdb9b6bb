import { performance } from "perf_hooks";
import { machine } from "./lib/machine";
import { progress } from "./lib/progress";
import { BenchResults, renderTable, rows, toJson } from "./lib/results";
import { measureCriticalPath } from "./sections/criticalPath";
import { measureImport } from "./sections/importCost";
import { measureOverhead } from "./sections/overhead";
import { measurePolicy } from "./sections/policy";
import { measureScale } from "./sections/scale";

/**
 * `npm run bench [-- --json]`: every figure of issue 5 in one run, the table (or one JSON
 * document) on stdout, progress on stderr. Exits 1 when a target is missed.
 */
async function main(argv: readonly string[]): Promise<number> {
    const unknown = argv.filter((arg) => arg !== "--json");
    if (unknown.length > 0) {
        process.stderr.write(`usage: npm run bench [-- --json]  (unknown: ${unknown.join(" ")})\n`);
        return 2;
    }
    const started = performance.now();
    const host = machine();
    progress(`${host.cores} cores, ${host.memoryGb} GB, Node ${host.node}`);
    // One after another: each figure needs the machine to itself.
    const criticalPath = await measureCriticalPath();
    const overhead = await measureOverhead();
    const importCost = await measureImport();
    const policy = await measurePolicy();
    const scale = await measureScale();
    const results: BenchResults = {
        machine: host, overhead, scale, policy, importCost, criticalPath,
        totalSeconds: (performance.now() - started) / 1000,
    };
    process.stdout.write(argv.includes("--json") ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${renderTable(results)}\n`);
    return rows(results).some((row) => row.pass === false) ? 1 : 0;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
        process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
        process.exit(2);
    },
);

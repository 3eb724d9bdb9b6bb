import * as fs from "fs";

/** The descriptor a child writes its report to; stdout stays free for whatever the program prints. */
export const REPORT_FD = 3;

/** Called once by a child, last thing, to hand its report to `runChild`. */
export function reportToParent(report: object): void {
    // Synchronous, so the report is out before the process exits.
    fs.writeSync(REPORT_FD, JSON.stringify(report));
}

/** The process's peak resident set size so far, in MiB (the kernel's high-water mark). */
export function peakRssMb(): number {
    return process.resourceUsage().maxRSS / 1024;
}

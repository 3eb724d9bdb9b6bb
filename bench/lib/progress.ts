/** Progress for the person waiting, on stderr, so `--json` keeps stdout to the one document. */
export function progress(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
}

/**
 * The SDK stores `new Error().stack` on every promise it creates (`debuggablePromise`) for
 * a leak report printed at exit. Formatting those stacks — source-mapped too when ts-node
 * is registered — took most of a large plan's time (8.6 s of 30 s at 200 services) and
 * most of its peak memory. This skips exactly those stacks, so every other error keeps
 * its frames, including the program line the plan CLI points at.
 */
export async function withoutPromiseStacks<T>(run: () => Promise<T>): Promise<T> {
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
        if (frames[0]?.getFunctionName() === "debuggablePromise") {
            return "";
        }
        return previous ? previous(error, frames) : defaultFormat(error, frames);
    };
    try {
        return await run();
    } finally {
        Error.prepareStackTrace = previous;
    }
}

// V8's own format, for when nothing else (such as source-map-support) installed a formatter.
function defaultFormat(error: Error, frames: NodeJS.CallSite[]): string {
    return `${error.name}: ${error.message}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
}

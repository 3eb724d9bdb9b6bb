/**
 * Runs `fn` as the process's only handler of stray errors. A program's unawaited promise
 * (an invoke the mocks refuse, an apply that throws) rejects outside any await; the
 * language host would fail the update with it, so the plan fails with it too instead of
 * leaving it to whoever else listens (the test runner, Node's default crash).
 */
export async function withProcessErrorsCaptured<T>(fn: () => Promise<T>): Promise<T> {
    const savedRejection = process.listeners("unhandledRejection");
    const savedException = process.listeners("uncaughtException");
    let stray: unknown;
    let failRun: (err: unknown) => void = () => undefined;
    // A failed registration never resolves, so the run would wait for it forever: fail at once.
    const failed = new Promise<never>((_, reject) => (failRun = reject));
    const capture = (err: unknown): void => {
        if (stray === undefined) {
            stray = err;
            failRun(err);
        }
    };
    process.removeAllListeners("unhandledRejection").on("unhandledRejection", capture);
    process.removeAllListeners("uncaughtException").on("uncaughtException", capture);
    try {
        const result = await Promise.race([fn(), failed]);
        await nextTurn();
        if (stray !== undefined) {
            throw stray;
        }
        return result;
    } finally {
        // A failed run leaves rejected promises behind that are reported a turn later;
        // they belong to this run, not to whatever the process does next.
        await nextTurn();
        process.removeListener("unhandledRejection", capture).removeListener("uncaughtException", capture);
        savedRejection.forEach((listener) => process.on("unhandledRejection", listener));
        savedException.forEach((listener) => process.on("uncaughtException", listener));
    }
}

/** Rejections are reported after the microtask queue drains; this waits for that turn. */
function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

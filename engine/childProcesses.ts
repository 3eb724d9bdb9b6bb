import { ChildProcess } from "child_process";

/**
 * Every child process this process started and that is still running: the policy pack, the
 * program's own process, the type checker. None may outlive the plan (a policy pack left
 * listening, a program left running), whether the plan ends normally, fails, or is stopped.
 */
const running = new Map<ChildProcess, Promise<void>>();

// How long stopping waits for the children to be gone (SIGKILL is not refused; this is a bound).
const STOP_WAIT_MS = 2_000;

/** Registers a child so that it is stopped, at the latest, when this process exits. */
export function ownChild(child: ChildProcess): void {
    if (running.size === 0 && !process.listeners("exit").includes(killAllChildren)) {
        process.on("exit", killAllChildren);
    }
    running.set(child, new Promise((resolve) => child.once("exit", () => {
        running.delete(child);
        resolve();
    })));
}

/**
 * Kills every child still running, at once (SIGKILL: a program or pack that traps SIGTERM
 * must not survive). Synchronous, so it also works in an `exit` handler.
 */
export function killAllChildren(): void {
    for (const child of running.keys()) {
        child.kill("SIGKILL");
    }
}

/** Kills every child and waits until they are gone (and reaped, so none lingers as a zombie). */
export async function stopAllChildren(): Promise<void> {
    const gone = Promise.all(running.values());
    killAllChildren();
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
}

/**
 * The program's own process. Runs a Pulumi Node.js program under AWS-shaped mocks the way the
 * Node.js language host runs it for `pulumi preview` (its directory as working directory, the
 * same entry point, TypeScript through ts-node, ES modules through `import()`), and reports the
 * resulting graph, or why there is none, to the plan (runProgram.ts) on descriptor 3.
 *
 * Everything the program does wrong ends the process with a report: an exception or rejection
 * at any time, a call to process.exit, no progress left to make, the plan's deadline. Once its
 * outputs have settled the program may still finish what ends by itself (one-shot timers, file
 * and DNS requests; errors there fail the plan like any other) for up to SETTLE_LIMIT_MS; what
 * never ends by itself (intervals, open sockets and servers) does not keep it alive.
 */
// First: from here on the engine's own TypeScript is compiled through the cache (when run from source).
import "./cacheEngineSources";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { register as registerLoaderHooks } from "module";
import { AwsMocks } from "../awsMocks";
import { runUnderMocks } from "../runUnderMocks";
import { propertiesToWire, toWire } from "../wireProperties";
import { ENGINE_ONLY_VARIABLE, readRequest, report } from "./engineChild";
import { esmEntryFile, programEntry, programPackage, tsNodeOptionsOf, TypeScriptSetup, typeScriptSetup } from "./languageHost";
import { PendingWork } from "./pendingWork";
import { cacheTranspiledTypeScript } from "./transpileCache";
import { programFrame } from "./programFrame";
import { ProgramFailure, ProgramHostMessage, ProgramRunRequest } from "./programHostProtocol";

/** How long a program whose outputs have settled may go on finishing timers and I/O it started. */
const SETTLE_LIMIT_MS = 5_000;
const SETTLE_POLL_MS = 25;
/** Exit status once a message is out; not 0, so the SDK's exit-time promise-leak report stays quiet. */
const EXIT_REPORTED = 3;

const exit = process.exit.bind(process);
let finished = false;
let resultSent = false;

function send(message: ProgramHostMessage): void {
    report(message);
}

function fail(failure: ProgramFailure): void {
    if (finished) {
        return;
    }
    finished = true;
    send({ kind: "failed", failure: { ...failure, late: resultSent || undefined } });
    exit(EXIT_REPORTED);
}

function describeError(err: unknown, rootDir: string): ProgramFailure {
    if (err instanceof Error) {
        // The SDK prefixes an error raised while it serialized inputs with each property's name; the error itself says what is wrong.
        const message = err.message.replace(/^(error serializing property "[^"]*": )+/, "");
        return { reason: "threw", message, location: programFrame(err.stack, rootDir) };
    }
    return { reason: "threw", message: `the program threw a non-Error value: ${String(err)}` };
}

/** Timers the program started with setInterval: they never end by themselves, so the settle wait ignores them. */
function trackIntervals(): () => number {
    const intervals = new Set<NodeJS.Timeout>();
    const original = global.setInterval;
    global.setInterval = Object.assign(function (this: unknown, ...args: Parameters<typeof setInterval>) {
        const timer = original.apply(this, args);
        intervals.add(timer);
        return timer;
    }, original) as typeof setInterval;
    return () => {
        for (const timer of intervals) {
            if ((timer as unknown as { _destroyed?: boolean })._destroyed) {
                intervals.delete(timer);
            }
        }
        return [...intervals].filter((timer) => timer.hasRef()).length;
    };
}

/** Whether the program still has work that ends by itself: ref'd one-shot timers or requests in flight. */
function unfinishedWork(liveIntervals: () => number): boolean {
    const active = process.getActiveResourcesInfo();
    const timers = active.filter((r) => r === "Timeout").length - liveIntervals();
    return timers > 0 || active.some((r) => /Req/.test(r));
}

/**
 * Compiles the program's TypeScript as the language host does: ts-node with the project's
 * settings (type checking is the plan's separate, cached step, typeCheck.ts), its output
 * cached between plans (transpileCache.ts).
 */
function registerTypeScript(setup: TypeScriptSetup): void {
    const options = tsNodeOptionsOf(setup);
    if (setup.esm) {
        // The language host's own ESM hooks (ts-node/esm); they read ts-node's settings from the environment.
        process.env.TS_NODE_TRANSPILE_ONLY = "true";
        process.env.TS_NODE_PROJECT = setup.project;
        process.env.TS_NODE_SKIP_PROJECT = String(setup.skipProject);
        process.env.TS_NODE_COMPILER_OPTIONS = JSON.stringify(setup.compilerOptions);
        registerLoaderHooks(require.resolve("@pulumi/pulumi/cmd/run/hooks.js"), pathToFileURL(__filename), { data: options });
        return;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const service = (require("ts-node") as typeof import("ts-node")).register(options);
    cacheTranspiledTypeScript(service);
}

const TOP_LEVEL_AWAIT = /await is only valid in async functions and the top level bodies of modules/;

/** Top-level await in a program loaded as CommonJS: Node refuses it one way or another. */
function isTopLevelAwaitInCommonJs(err: unknown): boolean {
    return (err instanceof SyntaxError && TOP_LEVEL_AWAIT.test(err.message)) || (err as { code?: unknown }).code === "ERR_REQUIRE_ASYNC_MODULE";
}

// A real `import()`: TypeScript compiles `import()` to `require()` in CommonJS output. The language host does the same.
const dynamicImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/** Loads the program as the language host does and returns what it exports (a function's result for an exported function). */
async function loadProgram(file: string, esm: boolean): Promise<unknown> {
    let exported: unknown;
    if (esm) {
        exported = await dynamicImport(pathToFileURL(file).href);
        const namespace = exported as Record<string, unknown>;
        if (Object.getOwnPropertyDescriptor(namespace, "default") !== undefined) {
            if (Object.keys(namespace).length !== 1) {
                throw new Error("expected entrypoint module to have either a default export or named exports but not both");
            }
            exported = namespace.default;
        }
    } else {
        try {
            // The program is chosen at run time and is CommonJS here: require, as the language host does.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(file);
        } catch (err) {
            if (isTopLevelAwaitInCommonJs(err)) {
                throw Object.assign(new Error(`${path.relative(process.cwd(), file) || file} uses top-level await, which only ES modules may, ` +
                    "and pulumi (like this plan) loads the program as CommonJS because its package.json has no \"type\": \"module\". " +
                    "Fix: add \"type\": \"module\" to the program's package.json (it is then loaded with import()), " +
                    "or move the code into an exported async function (module.exports = async () => { ... }; in TypeScript export = async () => { ... }), whose result becomes the stack outputs."),
                { unsupported: true });
            }
            throw err;
        }
    }
    return typeof exported === "function" ? (exported as () => unknown)() : exported;
}

async function main(request: ProgramRunRequest): Promise<void> {
    // What confines the engine's own ts-node (run from source) to its files must not reach the
    // program's, nor the ES module loader thread, which starts with a copy of the environment.
    delete process.env[ENGINE_ONLY_VARIABLE];
    const onError = (err: unknown): void => fail(describeError(err, request.rootDir));
    process.on("uncaughtException", onError).on("unhandledRejection", onError);
    process.exit = ((code?: number | string | null) => {
        fail({ reason: "exit", message: `the program called process.exit(${code ?? ""})`, location: programFrame(new Error().stack, request.rootDir) });
        return undefined as never;
    }) as typeof process.exit;

    const pending = new PendingWork();
    const reportPending = (reason: "stalled" | "timeout"): void => {
        void pending.describe().then((lines) => fail({
            reason,
            message: reason === "stalled"
                ? "the program stopped making progress: nothing is left to run, but what follows never finished (an apply callback or promise it awaits never settles)"
                : "the plan's time limit (--timeout) ran out while the program was still running",
            pending: lines,
        }));
    };
    // unref: the deadline alone must not keep the program alive, or it could never run out of work.
    setTimeout(() => (resultSent ? finish() : reportPending("timeout")), Math.max(0, request.deadline - Date.now())).unref();
    // Node is about to exit: nothing is left to run.
    process.on("beforeExit", () => (resultSent ? finish() : reportPending("stalled")));

    process.chdir(request.programDir);
    const pkg = programPackage(request.programDir);
    const entry = programEntry(request.programDir, request.mainIsFile, request.main, pkg);
    const setup = request.runtimeOptions.typescript === false ? undefined : typeScriptSetup(request.runtimeOptions, process.env, pkg);
    if (setup !== undefined) {
        registerTypeScript(setup);
    }
    const esm = pkg.data.type === "module";
    // A directory is required with a trailing separator, so that it is never taken for a file of the same name.
    const entryFile = esm ? esmEntryFile(entry) : require.resolve(fs.statSync(entry).isDirectory() ? entry + path.sep : entry);
    const liveIntervals = trackIntervals();
    const mocks = new AwsMocks({ unknownResources: "generic", region: request.region, stackReferenceOutputs: request.stackReferenceOutputs });
    const run = await runUnderMocks(async () => {
        pending.watchResources();
        const exported = loadProgram(entryFile, esm);
        pending.watchOutputs(exported);
        return exported;
    }, {
        project: request.project,
        stack: request.stack,
        organization: request.organization,
        config: request.config,
        preview: true,
        mocks,
    }).catch((err: unknown) => {
        fail((err as { unsupported?: boolean }).unsupported ? { ...describeError(err, request.rootDir), reason: "unsupported" } : describeError(err, request.rootDir));
        return undefined;
    });
    if (run === undefined) {
        return;
    }
    send({
        kind: "result",
        entry: entryFile,
        resources: await Promise.all(run.graph.resources.map(async (r) => ({
            ...r,
            inputs: await propertiesToWire(r.inputs),
            outputs: await propertiesToWire(r.outputs),
            registeredOutputs: r.registeredOutputs === undefined ? undefined : await propertiesToWire(r.registeredOutputs),
        }))),
        outputs: await propertiesToWire(await toWire(run.outputs) as Record<string, unknown>),
        stackReferences: mocks.stackReferencesUsed(),
        peakRssMb: process.resourceUsage().maxRSS / 1024,
    });
    resultSent = true;
    await settle(liveIntervals);
    finish();
}

/** The program has settled: a failing exit code it set still fails the plan, as it fails the language host. */
function finish(): void {
    if (Number(process.exitCode ?? 0) !== 0) {
        // Not "late": the code may have been set at any time; it counts when the program ends, as in the language host.
        resultSent = false;
        fail({ reason: "exit", message: `the program set process.exitCode = ${process.exitCode} (the language host fails a program that ends with a non-zero exit code)` });
        return;
    }
    finished = true;
    exit(0);
}

/** Waits until the program has no work left that ends by itself, or SETTLE_LIMIT_MS has passed. */
async function settle(liveIntervals: () => number): Promise<void> {
    const limit = Date.now() + SETTLE_LIMIT_MS;
    while (Date.now() < limit && unfinishedWork(liveIntervals)) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS).unref());
    }
    if (unfinishedWork(liveIntervals)) {
        // Said, not silent: pulumi preview would wait for this work and fail if it throws.
        process.stderr.write(`plan: warning: the program still had timers or I/O pending ${SETTLE_LIMIT_MS / 1000} s after its outputs settled; ` +
            "the plan stopped waiting for them (pulumi preview would wait, and fail if they throw)\n");
    }
}

void main(readRequest<ProgramRunRequest>());

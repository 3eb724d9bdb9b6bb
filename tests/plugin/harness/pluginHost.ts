import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provider from "@pulumi/pulumi/proto/provider_pb";
import { grpc, unary } from "./grpc";

/**
 * Starts a Node.js source-based component package the way the Pulumi engine does, and speaks
 * the engine's side of the ResourceProvider protocol to it.
 *
 * The engine finds no `pulumi-resource-<name>` binary in the package directory, reads
 * `PulumiPlugin.yaml` (`runtime: nodejs`) and asks the Node.js language host to RunPlugin
 * (pulumi/pulumi `sdk/go/common/resource/plugin/plugin.go` execPlugin, `provider_plugin.go`
 * NewProvider). The language host resolves `@pulumi/pulumi/cmd/run-plugin` from the package
 * directory and runs `node <run-plugin> <packageDir> <engineAddress>` in the engine's working
 * directory (the consuming program's), with the engine's environment plus PULUMI_PROJECT,
 * PULUMI_CONFIG and, since `typescript` defaults to true, PULUMI_NODEJS_TYPESCRIPT=true
 * (`sdk/nodejs/cmd/pulumi-language-nodejs/main.go` RunPlugin, parseOptions). The engine then
 * reads stdout up to the first newline as the port, dials 127.0.0.1:<port> and sends Handshake,
 * accepting Unimplemented from providers that predate it.
 */

export interface PluginHostOptions {
    /** The component package: PulumiPlugin.yaml, package.json, node_modules. */
    readonly packageDir: string;
    /** The engine's gRPC address (Engine service), the plugin's only argument. */
    readonly engineAddress: string;
    /** The consuming program's directory, the engine's working directory. */
    readonly programDir: string;
    /** The consuming project, passed as PULUMI_PROJECT. */
    readonly project: string;
    /** Stack configuration, passed as PULUMI_CONFIG. */
    readonly config: Readonly<Record<string, string>>;
}

export interface PluginHost {
    readonly pid: number;
    readonly port: number;
    readonly provider: providerRpc.ResourceProviderClient;
    /** Everything the host wrote to stderr, and to stdout after the port. */
    output(): string;
    /** True once the process has exited. */
    hasExited(): boolean;
    /** Closes the connection and ends the process; resolves once it has exited. Safe to call twice. */
    stop(): Promise<void>;
}

/** The engine waits for the port without a limit; a test should not. Schema inference is not part of start-up. */
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Where the language host finds run-plugin: resolved from the package directory, like `node -e require.resolve(...)` there. */
export function runPluginScript(packageDir: string): string {
    return createRequire(path.join(path.resolve(packageDir), "package.json")).resolve("@pulumi/pulumi/cmd/run-plugin");
}

export async function startPluginHost(options: PluginHostOptions): Promise<PluginHost> {
    const packageDir = path.resolve(options.packageDir);
    const child = spawn(process.execPath, [runPluginScript(packageDir), packageDir, options.engineAddress], {
        cwd: options.programDir,
        env: {
            ...process.env,
            PULUMI_PROJECT: options.project,
            PULUMI_CONFIG: JSON.stringify(options.config),
            PULUMI_NODEJS_TYPESCRIPT: "true",
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // Should the test process die first, the host must not outlive it.
    const killOnExit = (): void => void child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const stopProcess = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (isRunning(child)) {
            child.kill("SIGTERM");
            const escalate = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
            await exited;
            clearTimeout(escalate);
        }
    };

    let port: number;
    try {
        port = await readPort(child, () => output, (rest) => (output += rest));
    } catch (err) {
        await stopProcess();
        throw err;
    }
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const stop = async (): Promise<void> => {
        client.close();
        await stopProcess();
    };
    try {
        await handshake(client, options.engineAddress, packageDir);
    } catch (err) {
        await stop();
        throw err;
    }
    return { pid: child.pid!, port, provider: client, output: () => output, hasExited: () => !isRunning(child), stop };
}

function isRunning(child: ChildProcess): boolean {
    return child.exitCode === null && child.signalCode === null;
}

/** Reads stdout up to the first newline as the port, as the engine does; later stdout is log output. */
function readPort(child: ChildProcess, outputSoFar: () => string, appendOutput: (text: string) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
        let firstLine = "";
        let settled = false;
        const settle = (error: string | undefined, port?: number): void => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            if (error === undefined) {
                resolve(port!);
            } else {
                reject(new Error(`The component provider did not start: ${error}\noutput: ${outputSoFar().trim() || "(none)"}`));
            }
        };
        const timer = setTimeout(() => settle(`no port on stdout within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
        child.once("error", (err) => settle(err.message));
        child.once("exit", (code, signal) => settle(`it exited with ${signal ?? `code ${code}`} before printing its port`));
        child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
            if (settled) {
                appendOutput(chunk);
                return;
            }
            const newline = chunk.indexOf("\n");
            if (newline < 0) {
                firstLine += chunk;
                return;
            }
            firstLine += chunk.slice(0, newline);
            appendOutput(chunk.slice(newline + 1));
            const port = Number(firstLine.trim());
            if (!Number.isInteger(port) || port <= 0 || port > 65535) {
                settle(`the first line of stdout must be a port, got ${JSON.stringify(firstLine)}`);
                return;
            }
            settle(undefined, port);
        });
    });
}

/** The engine's handshake: its address and the package directory; Unimplemented means "an older provider", not an error. */
async function handshake(client: providerRpc.ResourceProviderClient, engineAddress: string, packageDir: string): Promise<void> {
    const request = new provider.ProviderHandshakeRequest()
        .setEngineAddress(engineAddress)
        .setRootDirectory(packageDir)
        .setProgramDirectory(packageDir)
        .setConfigureWithUrn(true);
    try {
        await unary<provider.ProviderHandshakeResponse>(START_TIMEOUT_MS, (m, o, cb) => client.handshake(request, m, o, cb));
    } catch (err) {
        if ((err as { code?: number }).code !== grpc.status.UNIMPLEMENTED) {
            throw err;
        }
    }
}

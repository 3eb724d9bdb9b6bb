import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { cacheDir, writeCacheFile } from "./cacheDir";
import { startEngineChild } from "./engineChild";
import { PulumiProject } from "./loadProject";
import { TypeCheckMessage, TypeCheckOutcome, TypeCheckRequest } from "./typeCheckProtocol";

export type { TypeCheckOutcome } from "./typeCheckProtocol";

/** `pulumi preview` would refuse the program: TypeScript reports errors in it. */
export class TypeCheckError extends Error {
    override readonly name = "TypeCheckError";
}

/** A checked outcome, and whether it came from the cache. */
export interface TypeCheckResult extends TypeCheckOutcome {
    readonly cached: boolean;
}

interface CacheEntry {
    readonly fingerprint: string;
    /** [path, mtimeMs, size] of every file the outcome depends on. */
    readonly files: readonly (readonly [string, number, number])[];
    readonly outcome: TypeCheckOutcome;
}

/**
 * Type-checks the program as `pulumi preview` does (the language host runs TypeScript
 * through ts-node, which type-checks unless PULUMI_NODEJS_TRANSPILE_ONLY=true or the tsconfig
 * sets `noCheck`; see languageHost.ts), in a process of its own so the plan's other steps run
 * meanwhile. The outcome is cached under node_modules/.cache/cloudmap-plan (or the OS temp
 * directory) until a file the check read changes — a source file, a declaration file, the
 * tsconfig — or the settings that decide it do (TypeScript and ts-node versions, the
 * environment variables, Pulumi.yaml's runtime options).
 */
export async function typeCheck(project: PulumiProject, deadline: number): Promise<TypeCheckResult> {
    const request: TypeCheckRequest = {
        programDir: project.programDir,
        main: project.main,
        mainIsFile: project.mainIsFile,
        runtimeOptions: project.runtimeOptions,
        displayDir: process.cwd(),
    };
    const fingerprint = hash(JSON.stringify({
        format: 1,
        request,
        node: process.versions.node.split(".")[0],
        versions: ["typescript", "ts-node"].map((pkg) => (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version),
        env: ["PULUMI_NODEJS_TRANSPILE_ONLY", "PULUMI_NODEJS_TSCONFIG_PATH"].map((name) => process.env[name] ?? null),
    }));
    const cacheFile = path.join(cacheDir(), `typecheck-${hash(`${project.programDir}\n${project.main}`).slice(0, 16)}.json`);
    const cached = readCache(cacheFile);
    if (cached !== undefined && cached.fingerprint === fingerprint && cached.files.every(([file, mtimeMs, size]) => unchanged(file, mtimeMs, size))) {
        return { ...cached.outcome, cached: true };
    }
    const message = await runChecker(request, deadline);
    writeCache(cacheFile, { fingerprint, files: message.files.flatMap((file) => statOf(file)), outcome: message.outcome });
    return { ...message.outcome, cached: false };
}

function runChecker(request: TypeCheckRequest, deadline: number): Promise<TypeCheckMessage> {
    let output = "";
    const child = startEngineChild<TypeCheckMessage>("typeCheckHost", request, { onOutput: (chunk) => (output += chunk.toString()) });
    return new Promise((resolve, reject) => {
        let answer: TypeCheckMessage | undefined;
        const timer = setTimeout(() => {
            child.kill();
            reject(new TypeCheckError("the type check did not finish within the plan's time limit (raise --timeout, or see README: type checking)"));
        }, Math.max(0, deadline - Date.now()));
        child.onMessage((message) => (answer = message));
        void child.exited.then(({ code, signal }) => {
            clearTimeout(timer);
            if (answer !== undefined) {
                resolve(answer);
            } else {
                reject(new TypeCheckError(`the type check could not run (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
            }
        });
    });
}

function hash(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

function statOf(file: string): [string, number, number][] {
    try {
        const stat = fs.statSync(file);
        return [[file, stat.mtimeMs, stat.isDirectory() ? 0 : stat.size]];
    } catch {
        return [];
    }
}

function unchanged(file: string, mtimeMs: number, size: number): boolean {
    const [now] = statOf(file);
    return now !== undefined && now[1] === mtimeMs && now[2] === size;
}

function readCache(file: string): CacheEntry | undefined {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as CacheEntry;
    } catch {
        return undefined;
    }
}

function writeCache(file: string, entry: CacheEntry): void {
    writeCacheFile(file, JSON.stringify(entry));
}

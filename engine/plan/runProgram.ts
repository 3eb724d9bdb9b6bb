import * as fs from "fs";
import * as path from "path";
import { AwsMocks } from "../awsMocks";
import { ProgramRun, runUnderMocks } from "../runUnderMocks";
import { PulumiProject } from "./loadProject";

/** The program itself failed: it threw, or something it awaited (an invoke, a resource) did. */
export class ProgramError extends Error {
    override readonly name = "ProgramError";

    constructor(readonly program: string, readonly projectDir: string, cause: unknown) {
        super(`${program} failed: ${describe(cause)}`, { cause });
    }
}

/**
 * Runs a project's Node.js program in this process under AWS-shaped mocks, as the Pulumi
 * Node.js language host would: TypeScript through ts-node (transpile only, so a plan takes
 * seconds), the main module required inside the stack, its exports (or the value of an
 * exported function) as stack outputs.
 */
export async function runProgram(project: PulumiProject): Promise<ProgramRun> {
    registerTypeScript(project.dir);
    const region = project.config["aws:region"] ?? "us-east-1";
    const loadedBefore = new Set(Object.keys(require.cache));
    try {
        return await runUnderMocks(() => {
                // A cached entry module would not run again and would declare nothing.
                const entry = require.resolve(project.main);
                delete require.cache[entry];
                // The program is chosen at run time and may be CommonJS JavaScript: require, as the language host does.
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported: unknown = require(entry);
                return typeof exported === "function" ? exported() : exported;
            }, {
                project: project.name,
                stack: project.stack,
                config: project.config,
                mocks: new AwsMocks({ unknownResources: "generic", region }),
            });
    } catch (err) {
        throw new ProgramError(path.relative(process.cwd(), project.main) || ".", project.dir, err);
    } finally {
        forgetModulesLoadedSince(loadedBefore);
    }
}

// ts-node marks the process once registered; registering twice would compile every file twice.
const TS_NODE_INSTANCE = Symbol.for("ts-node.register.instance");

/** Lets `require` load `.ts` files, with the project's tsconfig.json when it has one. */
function registerTypeScript(projectDir: string): void {
    if ((process as unknown as Record<symbol, unknown>)[TS_NODE_INSTANCE] !== undefined) {
        return;
    }
    const tsconfig = path.join(projectDir, "tsconfig.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsNode = require("ts-node") as typeof import("ts-node");
    tsNode.register({
        transpileOnly: true,
        project: fs.existsSync(tsconfig) ? tsconfig : undefined,
        skipProject: !fs.existsSync(tsconfig),
        compilerOptions: { module: "commonjs" },
    });
}

/**
 * Drops the modules the program loaded (its own files, not packages from node_modules,
 * which must stay single instances) so that a later plan in this process (tests,
 * benchmarks) runs their top-level code, and so declares the resources, again.
 */
function forgetModulesLoadedSince(loadedBefore: ReadonlySet<string>): void {
    for (const file of Object.keys(require.cache)) {
        if (!loadedBefore.has(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            delete require.cache[file];
        }
    }
}

function describe(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}

/**
 * The type checker's own process (started by typeCheck.ts): checks a TypeScript program the
 * way `pulumi preview` does through ts-node — same tsconfig, same compiler options, the files
 * the program imports, ts-node's ignored diagnostics — and reports the outcome and every file
 * the check read, so the result can be cached until one of them changes.
 */
// First: from here on the engine's own TypeScript is compiled through the cache (when run from source).
import "./cacheEngineSources";
import * as fs from "fs";
import * as path from "path";
import type * as tsNodeTypes from "ts-node";
import type * as ts from "typescript";
import { readRequest, report } from "./engineChild";
import { esmEntryFile, programEntry, programPackage, tsNodeOptionsOf, typeScriptSetup } from "./languageHost";
import { TypeCheckMessage, TypeCheckOutcome, TypeCheckRequest } from "./typeCheckProtocol";

// ts-node never reports these (its own default `ignoreDiagnostics`).
const TS_NODE_IGNORED = [6059, 18002, 18003];

// Top-level await where the file is not an ES module (TS1309, TS1375, TS1378).
const TOP_LEVEL_AWAIT_CODES = new Set([1309, 1375, 1378]);
const TOP_LEVEL_AWAIT_FIX = 'Top-level await needs an ES module: add "type": "module" to the program\'s package.json (pulumi then loads it with import()), ' +
    "or move the code into an exported async function (export = async () => { ... }), whose result becomes the stack outputs.";

function check(request: TypeCheckRequest): TypeCheckMessage {
    process.chdir(request.programDir);
    const pkg = programPackage(request.programDir);
    const files = [request.programDir, ...(pkg.path ? [pkg.path] : [])];
    const done = (outcome: TypeCheckOutcome, read: readonly string[] = []): TypeCheckMessage => ({ kind: "checked", outcome, files: [...files, ...read] });
    if (request.runtimeOptions.typescript === false) {
        return done({ status: "skipped", detail: "Pulumi.yaml sets runtime.options.typescript: false, so pulumi runs the program as JavaScript" });
    }
    const setup = typeScriptSetup(request.runtimeOptions, process.env, pkg);
    const tsconfig = setup.skipProject ? [] : [path.resolve(setup.project)];
    if (!setup.typeCheck.enabled) {
        return done({ status: "skipped", detail: `type checking is off: ${setup.typeCheck.decidedBy}` }, tsconfig);
    }
    const entry = programEntry(request.programDir, request.mainIsFile, request.main, pkg);
    const resolve = (): string => (setup.esm ? esmEntryFile(entry) : require.resolve(fs.statSync(entry).isDirectory() ? entry + path.sep : entry));
    // Node resolves .js before .ts, so an entry found without TypeScript is JavaScript, and TypeScript need not load.
    const javaScriptEntry = (() => {
        try {
            return resolve();
        } catch {
            return undefined;
        }
    })();
    if (javaScriptEntry !== undefined && /\.(c|m)?js$/.test(javaScriptEntry)) {
        return done({ status: "skipped", detail: "the program is JavaScript" }, tsconfig);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsNode = require("ts-node") as typeof tsNodeTypes;
    // Registered (never used to run anything) so `.ts` entries resolve exactly as `require` resolves them.
    const service = tsNode.register(tsNodeOptionsOf(setup));
    const entryFile = resolve();
    if (service.ignored(entryFile)) {
        return done({ status: "skipped", detail: "the program is JavaScript" }, tsconfig);
    }
    const typescript = service.ts as unknown as typeof ts;
    const ignored = new Set([...TS_NODE_IGNORED, ...(service.options.ignoreDiagnostics ?? []).map(Number)]);
    const program = typescript.createProgram({ rootNames: [entryFile], options: service.config.options, projectReferences: service.config.projectReferences });
    const diagnostics = [
        ...service.config.errors,
        ...program.getSourceFiles()
            .filter((file) => !file.isDeclarationFile && !service.ignored(file.fileName))
            .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
    ].filter((d) => !ignored.has(d.code));
    const read = [...tsconfig, ...extendedConfigs(typescript, setup.skipProject ? undefined : setup.project), ...program.getSourceFiles().map((f) => f.fileName)];
    if (diagnostics.length === 0) {
        return done({ status: "passed", detail: `${program.getSourceFiles().filter((f) => !f.isDeclarationFile).length} TypeScript files` }, read);
    }
    const text = typescript.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => request.displayDir,
        getNewLine: () => "\n",
    });
    const fix = diagnostics.some((d) => TOP_LEVEL_AWAIT_CODES.has(d.code)) ? `\n${TOP_LEVEL_AWAIT_FIX}` : "";
    return done({ status: "failed", detail: text.trimEnd() + fix }, read);
}

/** The files a tsconfig `extends`, so that editing one invalidates the cached result. */
function extendedConfigs(typescript: typeof ts, project: string | undefined): string[] {
    if (project === undefined) {
        return [];
    }
    const parsed = typescript.getParsedCommandLineOfConfigFile(project, {}, { ...typescript.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    return [...((parsed?.options.configFile as ts.TsConfigSourceFile | undefined)?.extendedSourceFiles ?? [])];
}

report(check(readRequest<TypeCheckRequest>()));

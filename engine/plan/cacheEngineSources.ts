import { cacheTranspiledTypeScript } from "./transpileCache";

/**
 * Run from its TypeScript sources (`npm run plan`, `npm start`), the engine is compiled by
 * ts-node on every start, in each of its processes; this caches that output too (see
 * transpileCache.ts). Imported first by each entry point (cli.ts, the child hosts), so that
 * it applies to everything they load. Compiled, it does nothing.
 */
const service = (process as unknown as Record<symbol, Parameters<typeof cacheTranspiledTypeScript>[0] | undefined>)[Symbol.for("ts-node.register.instance")];
if (service !== undefined && __filename.endsWith(".ts")) {
    cacheTranspiledTypeScript(service);
}

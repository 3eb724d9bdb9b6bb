#!/usr/bin/env node
import { UsageError } from "../plan/args";
import { parseLocalArgs, USAGE } from "./args";
import { PortUnavailableError } from "./listen";
import { LocalCloudMap, RegistrationError, startLocalCloudMap, StartupDocument } from "./localCloudMap";
import { topologyOf } from "./topology";

/** Exit statuses; documented in USAGE. */
export const EXIT = { stopped: 0, cannotServe: 2 } as const;

const log = (message: string) => process.stderr.write(`cloudmap-local: ${message}\n`);

/**
 * `npm run local -- [programDir] …` / `cloudmap-local`: plans the program, serves its Cloud Map
 * topology until SIGINT or SIGTERM, and resolves to the exit status.
 */
export async function main(argv: readonly string[]): Promise<number> {
    let options;
    try {
        options = parseLocalArgs(argv);
    } catch (err) {
        if (err instanceof UsageError) {
            process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
            return EXIT.cannotServe;
        }
        throw err;
    }
    if (options === "help") {
        process.stdout.write(USAGE);
        return EXIT.stopped;
    }
    // stdout carries the startup document and the environments only; the program (console.log)
    // and libraries may print while it is planned and served, so all of that goes to stderr.
    const writeStdout = process.stdout.write.bind(process.stdout);
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    let cloudMap: LocalCloudMap;
    try {
        // Loaded here, not at the top: the plan brings in the Pulumi SDK, which a usage error need not wait for.
        const { planProgram } = await import("../plan");
        const plan = await planProgram(options.programDir, {
            stack: options.stack,
            config: options.config,
            // Serving needs the declared topology, not the policy verdict: `npm run plan` gives that.
            policyPack: false,
            onStep: (step) => log(`${step}...`),
        });
        const topology = topologyOf(plan);
        topology.warnings.forEach(log);
        cloudMap = await startLocalCloudMap(topology, { ...options, log });
    } catch (err) {
        const known = err instanceof RegistrationError || err instanceof PortUnavailableError;
        process.stderr.write(`error: ${(err as Error).message ?? String(err)}\n${known ? "" : "No topology to serve: the program could not be planned.\n"}`);
        return EXIT.cannotServe;
    }
    const stopped = new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
    });
    describeServing(cloudMap.document);
    writeStdout(`${JSON.stringify(cloudMap.document)}\n${renderEnvironments(cloudMap.document)}`);
    const signal = await stopped;
    await cloudMap.close();
    log(`${signal}: stopped DNS and the API.`);
    return EXIT.stopped;
}

/** For each service ECS runs, the environment of its local process, as `export` lines a shell takes. */
export function renderEnvironments(document: StartupDocument): string {
    return document.services
        .filter((service) => service.environment !== null)
        .map((service) => [
            `# ${service.name}.${service.namespace}: environment for its local process`,
            ...Object.entries(service.environment!).map(([key, value]) => `export ${key}=${shellQuote(value)}`),
            "",
        ].join("\n"))
        .join("\n");
}

function describeServing(document: StartupDocument): void {
    log(`DNS on ${document.dns} (UDP and TCP), Cloud Map API on ${document.api}; Ctrl-C stops both.`);
    for (const service of document.services) {
        const how = service.records.length > 0
            ? `${service.records.join("+")} ttl ${service.ttl} ${service.routingPolicy}`
            : "API-only (DiscoverInstances)";
        log(`  ${service.name}.${service.namespace}  ${how}  ${service.instances.length} instance(s)  id ${service.id}`);
    }
}

function shellQuote(value: string): string {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}

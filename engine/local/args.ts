import { isIP } from "net";
import { parseArgs } from "util";
import { configPair, parsedOrUsageError, UsageError } from "../plan/args";

export const USAGE = `Usage: npm run local -- [programDir] [options]
       cloudmap-local [programDir] [options]

Plans a Pulumi TypeScript/JavaScript project offline (as npm run plan does) and serves the
planned Cloud Map topology on 127.0.0.1 until Ctrl-C: DNS (UDP and TCP) for every DNS
namespace, and the Cloud Map API (AWS JSON 1.1) for the AWS SDKs and the AWS CLI.

Options:
  --dns-port N                      DNS port on 127.0.0.1, UDP and TCP (default: 0, any free port)
  --api-port N                      Cloud Map API port on 127.0.0.1 (default: 0, any free port)
  --register SERVICE=HOST:PORT      register a local process as an instance of SERVICE, as ECS
                                    registers a task (AWS_INSTANCE_IPV4 or _IPV6, AWS_INSTANCE_PORT);
                                    SERVICE is a service name, or <service>.<namespace> (repeatable)
  --attributes SERVICE=KEY=VALUE,...  custom attributes for SERVICE's --register instances (repeatable)
  --health-check                    probe every instance's TCP port each second; an instance that
                                    stops answering is marked UNHEALTHY and leaves DNS answers
  --stack NAME                      stack whose Pulumi.<NAME>.yaml config is read (default: dev)
  --config KEY=VALUE                set a config value (repeatable)
  -h, --help                        show this help

The first line on stdout is one JSON object: {"dns", "api", "namespaces", "environment", "services"};
then, for each service ECS runs, the environment its local process needs. Logs go to stderr.
Exit status: 0 stopped by SIGINT/SIGTERM; 2 bad arguments, no plan, or a port that cannot be used.
`;

/** One `--register SERVICE=HOST:PORT`. */
export interface LocalRegistration {
    /** As given: a service name or `<service>.<namespace>`. */
    readonly service: string;
    /** An IP address (`localhost` is taken as 127.0.0.1). */
    readonly host: string;
    readonly port: number;
}

export interface LocalOptions {
    readonly programDir: string;
    readonly dnsPort: number;
    readonly apiPort: number;
    readonly registrations: readonly LocalRegistration[];
    /** Service (as given) → custom attributes for its `--register` instances. */
    readonly attributes: ReadonlyMap<string, Readonly<Record<string, string>>>;
    readonly healthCheck: boolean;
    readonly stack?: string;
    readonly config: Readonly<Record<string, string>>;
}

/** Parses the command line, or returns "help"; throws UsageError. */
export function parseLocalArgs(argv: readonly string[]): LocalOptions | "help" {
    const { values, positionals } = parsedOrUsageError(() => parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
            "dns-port": { type: "string" },
            "api-port": { type: "string" },
            register: { type: "string", multiple: true, default: [] },
            attributes: { type: "string", multiple: true, default: [] },
            "health-check": { type: "boolean", default: false },
            stack: { type: "string" },
            config: { type: "string", multiple: true, default: [] },
            help: { type: "boolean", short: "h", default: false },
        },
    }));
    if (values.help) {
        return "help";
    }
    if (positionals.length > 1) {
        throw new UsageError(`expected at most one programDir, got ${positionals.join(" ")}`);
    }
    const registrations = values.register.map(parseRegistration);
    const attributes = new Map<string, Record<string, string>>();
    for (const arg of values.attributes) {
        const [service, pairs] = parseAttributes(arg);
        if (!registrations.some((r) => r.service === service)) {
            throw new UsageError(`--attributes ${arg}: there is no --register ${service}=HOST:PORT for these attributes to go on`);
        }
        attributes.set(service, { ...attributes.get(service), ...pairs });
    }
    return {
        programDir: positionals[0] ?? ".",
        dnsPort: port("--dns-port", values["dns-port"]),
        apiPort: port("--api-port", values["api-port"]),
        registrations,
        attributes,
        healthCheck: values["health-check"],
        stack: values.stack,
        config: Object.fromEntries(values.config.map(configPair)),
    };
}

function port(flag: string, value: string | undefined): number {
    if (value === undefined) {
        return 0;
    }
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        throw new UsageError(`${flag} expects a port from 0 (any free port) to 65535, got "${value}"`);
    }
    return Number(value);
}

/** `inventory-manager=127.0.0.1:8080`, `api.shop.internal=[::1]:9000`, `catalog=localhost:3000`. */
export function parseRegistration(arg: string): LocalRegistration {
    const eq = arg.indexOf("=");
    const service = eq > 0 ? arg.slice(0, eq) : "";
    const address = arg.slice(eq + 1);
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(address);
    if (service === "" || match === null) {
        throw new UsageError(`--register expects SERVICE=HOST:PORT (e.g. inventory-manager=127.0.0.1:8080, or [::1]:8080 for IPv6), got "${arg}"`);
    }
    const host = match[1] ?? (match[2] === "localhost" ? "127.0.0.1" : match[2]);
    if (isIP(host) === 0 || (match[1] !== undefined && isIP(host) !== 6)) {
        throw new UsageError(`--register ${arg}: "${match[1] ?? match[2]}" is not an IP address; ` +
            "an instance is registered by address, as ECS registers a task (use 127.0.0.1, or [::1] for IPv6)");
    }
    const portNumber = Number(match[3]);
    if (portNumber < 1 || portNumber > 65535) {
        throw new UsageError(`--register ${arg}: port ${match[3]} is not between 1 and 65535`);
    }
    return { service, host, port: portNumber };
}

/** `inventory-manager=version=v2,zone=local` → ["inventory-manager", { version: "v2", zone: "local" }]. */
function parseAttributes(arg: string): [string, Record<string, string>] {
    const eq = arg.indexOf("=");
    const service = eq > 0 ? arg.slice(0, eq) : "";
    const entries = arg.slice(eq + 1).split(",").map((pair) => {
        const at = pair.indexOf("=");
        return at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] as const : ["", ""] as const;
    });
    if (service === "" || entries.some(([key]) => key === "")) {
        throw new UsageError(`--attributes expects SERVICE=KEY=VALUE[,KEY=VALUE...] (e.g. inventory-manager=version=v2), got "${arg}"`);
    }
    return [service, Object.fromEntries(entries)];
}

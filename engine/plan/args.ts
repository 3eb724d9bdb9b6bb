import { parseArgs } from "util";
import { DEFAULT_TRAFFIC, Traffic } from "./cost";
import { PLAN_FORMATS, PlanFormat } from "./formats";
import { DEFAULT_TIMEOUT_SECONDS } from "./planTimeout";

export const USAGE = `Usage: npm run plan -- <programDir> [options]

Plans a Pulumi TypeScript/JavaScript project offline (no cloud credentials, no Pulumi CLI):
runs its program under AWS-shaped mocks, checks it against the policy pack, and prints the
resources, the DNS records Cloud Map will serve, policy results and estimates.

Options:
  --format FORMAT               text (default), json (one JSON document), sarif (SARIF 2.1.0
                                for GitHub code scanning) or markdown (a pull-request comment);
                                progress stays on stderr (through npm, use npm run -s so npm's
                                banner stays off stdout); when no plan can be made, json prints
                                one { "error": {...} } document and the others print nothing
  --json                        the same as --format json
  --stack NAME                  stack whose Pulumi.<NAME>.yaml config is read; it must exist
                                (default: dev, with only the project's config if no stack has a file)
  --config KEY=VALUE            set a config value; bare keys go to the project namespace (repeatable)
  --policy-pack DIR             policy pack to run (default: this repository's policy-pack/)
  --policy-pack-config FILE     JSON policy config, as for pulumi preview --policy-pack-config
  --no-policy                   skip the policy pack
  --stack-reference-outputs FILE  JSON object: stack name -> that stack's outputs, for the
                                program's pulumi.StackReference (unlisted stacks: outputs unknown)
  --organization NAME           what pulumi.getOrganization() answers (default: organization)
  --timeout SECONDS             the whole plan must finish within this time (default: ${DEFAULT_TIMEOUT_SECONDS})
  --dns-queries-millions N      assumed DNS queries a month, in millions (default: ${DEFAULT_TRAFFIC.dnsQueriesMillions})
  --discover-calls-millions N   assumed DiscoverInstances calls a month, in millions (default: ${DEFAULT_TRAFFIC.discoverCallsMillions})
  -h, --help                    show this help

Exit status: 0 no mandatory policy violation; 1 a mandatory policy violation;
2 no plan could be made (bad arguments or project, type errors, the program failed, stopped
making progress or ran out of time, the policy pack failed). Stopped by a signal: 128 + its
number (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
`;

export interface CliOptions {
    readonly programDir: string;
    readonly format: PlanFormat;
    readonly stack?: string;
    readonly config: Record<string, string>;
    /** A pack directory, or false for --no-policy; undefined means the default pack. */
    readonly policyPack?: string | false;
    readonly policyPackConfigFile?: string;
    readonly stackReferenceOutputsFile?: string;
    readonly organization?: string;
    readonly timeoutSeconds: number;
    readonly traffic: Traffic;
}

/** Bad command line; the CLI prints the message and the usage. */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

/** Parses the command line, or returns "help"; throws UsageError. */
export function parseCliArgs(argv: readonly string[]): CliOptions | "help" {
    const { values, positionals } = parsedOrUsageError(() => parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
            format: { type: "string" },
            json: { type: "boolean", default: false },
            stack: { type: "string" },
            config: { type: "string", multiple: true, default: [] },
            "policy-pack": { type: "string" },
            "policy-pack-config": { type: "string" },
            "no-policy": { type: "boolean", default: false },
            "stack-reference-outputs": { type: "string" },
            organization: { type: "string" },
            timeout: { type: "string" },
            "dns-queries-millions": { type: "string" },
            "discover-calls-millions": { type: "string" },
            help: { type: "boolean", short: "h", default: false },
        },
    }));
    if (values.help) {
        return "help";
    }
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? "missing <programDir>" : `expected one <programDir>, got ${positionals.join(" ")}`);
    }
    if (values["no-policy"] && (values["policy-pack"] !== undefined || values["policy-pack-config"] !== undefined)) {
        throw new UsageError("--no-policy cannot be combined with --policy-pack or --policy-pack-config");
    }
    return {
        programDir: positionals[0],
        format: formatOf(values.format, values.json),
        stack: values.stack,
        config: Object.fromEntries(values.config.map(configPair)),
        policyPack: values["no-policy"] ? false : values["policy-pack"],
        policyPackConfigFile: values["policy-pack-config"],
        stackReferenceOutputsFile: values["stack-reference-outputs"],
        organization: nonEmpty("--organization", values.organization),
        timeoutSeconds: timeout(values.timeout),
        traffic: {
            dnsQueriesMillions: millions("--dns-queries-millions", values["dns-queries-millions"], DEFAULT_TRAFFIC.dnsQueriesMillions),
            discoverCallsMillions: millions("--discover-calls-millions", values["discover-calls-millions"], DEFAULT_TRAFFIC.discoverCallsMillions),
        },
    };
}

function formatOf(format: string | undefined, json: boolean): PlanFormat {
    if (format === undefined) {
        return json ? "json" : "text";
    }
    if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format expects one of ${PLAN_FORMATS.join(", ")}, got "${format}"`);
    }
    if (json && format !== "json") {
        throw new UsageError(`--json means --format json; it cannot be combined with --format ${format}`);
    }
    return format as PlanFormat;
}

/** Runs a command-line parser (node:util's parseArgs), its errors becoming UsageErrors. */
export function parsedOrUsageError<T>(parse: () => T): T {
    try {
        return parse();
    } catch (err) {
        throw new UsageError((err as Error).message);
    }
}

/** `--config KEY=VALUE` as a pair; the value may itself contain `=`. */
export function configPair(arg: string): [string, string] {
    const eq = arg.indexOf("=");
    if (eq <= 0) {
        throw new UsageError(`--config expects KEY=VALUE, got "${arg}"`);
    }
    return [arg.slice(0, eq), arg.slice(eq + 1)];
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
    if (value !== undefined && value.trim() === "") {
        throw new UsageError(`${flag} expects a name, got an empty string`);
    }
    return value;
}

function timeout(value: string | undefined): number {
    if (value === undefined) {
        return DEFAULT_TIMEOUT_SECONDS;
    }
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
        throw new UsageError(`--timeout expects a number of seconds > 0, got "${value}"`);
    }
    return n;
}

function millions(flag: string, value: string | undefined, fallback: number): number {
    if (value === undefined) {
        return fallback;
    }
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
        throw new UsageError(`${flag} expects a number of millions ≥ 0, got "${value}"`);
    }
    return n;
}

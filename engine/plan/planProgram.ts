import * as path from "path";
import type { StackReferenceUse } from "../awsMocks";
import type { PolicyRunResult, PreparedPolicyPack } from "../policyEngine";
import { modelledOutputsOf } from "../remoteComponents";
import { ResourceGraph, SourcePosition } from "../resourceGraph";
import { DEFAULT_TRAFFIC, Traffic } from "./cost";
import { declarationsOf } from "./declarations";
import { ApiOnlyService, apiOnlyServicesOf, DnsRecord, dnsRecordsOf } from "./dnsRecords";
import { serviceConnectOf, ServiceConnectPlan } from "./serviceConnect";
import { estimate, Estimates } from "./estimates";
import { loadProject, PulumiProject } from "./loadProject";
import { assertRunnablePolicyPack, defaultPolicyPackDir, mandatoryCount } from "./policy";
import { DEFAULT_TIMEOUT_SECONDS } from "./planTimeout";
import { DEFAULT_REGION, regionsOf } from "./regions";
import { runProgram } from "./runProgram";
import { TypeCheckError, TypeCheckResult, typeCheck } from "./typeCheck";
import { Wiring, wiringOf } from "./wiring";


export interface PlanOptions {
    /** @default "dev" (see loadProject's LoadProjectOptions.stack) */
    readonly stack?: string;
    /** Config overrides, `key` (project namespace) or `ns:key` → value. */
    readonly config?: Readonly<Record<string, string>>;
    /** A policy pack directory, or `false` to skip policy. @default this repository's policy-pack/ */
    readonly policyPack?: string | false;
    /** Contents of a `--policy-pack-config` file. */
    readonly policyPackConfig?: Record<string, unknown>;
    /** @default DEFAULT_TRAFFIC */
    readonly traffic?: Partial<Traffic>;
    /** The whole plan (type check, program, policy pack) must finish within this many seconds. @default DEFAULT_TIMEOUT_SECONDS */
    readonly timeoutSeconds?: number;
    /** What `pulumi.getOrganization()` answers. @default "organization", as the Pulumi CLI answers with a local backend */
    readonly organization?: string;
    /** Outputs of referenced stacks (`pulumi.StackReference`), by stack name; stacks not listed have unknown outputs. */
    readonly stackReferenceOutputs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    /** Where the program's own stdout and stderr go. @default this process's stderr */
    readonly onProgramOutput?: (chunk: Buffer) => void;
    /** Called as each step starts ("Running program"), for progress display. */
    readonly onStep?: (step: string) => void;
    /** Called with finer progress inside a step. */
    readonly onDetail?: (message: string) => void;
}

/** A remote (multi-language) component: its provider creates its children at deploy time, so the plan cannot see or check them. */
export interface OpaqueComponent {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** The outputs the plan models for this type (remoteComponents.ts); every other output is unknown. */
    readonly modelledOutputs: readonly string[];
}

export interface PlanResult {
    readonly project: PulumiProject;
    /** The file the Pulumi language host would run (Pulumi.yaml's `main`, or the package's entry point). */
    readonly entry: string;
    /** Every registration, properties in wire form: values not known until deploy are the unknown sentinel (wireProperties.ts). */
    readonly graph: ResourceGraph;
    /** The program's stack outputs, in wire form. */
    readonly outputs: Record<string, unknown>;
    readonly dnsRecords: readonly DnsRecord[];
    readonly apiOnlyServices: readonly ApiOnlyService[];
    /** Services with ECS Service Connect on and the endpoints they serve (names without DNS records). */
    readonly serviceConnect: ServiceConnectPlan;
    /** Undefined when policy was skipped. */
    readonly policy?: PolicyRunResult;
    readonly estimates: Estimates;
    /** Remote components the plan could not expand: their resources were not analysed. */
    readonly opaque: readonly OpaqueComponent[];
    /** The AWS regions the program's resources are in. */
    readonly regions: readonly string[];
    readonly typeCheck: TypeCheckResult;
    readonly stackReferences: readonly StackReferenceUse[];
    /** The program process's peak resident set size (the plan's own process is not included). */
    readonly programPeakRssMb: number;
    /** Who may talk to whom, what each role may do, what each container receives, the stack outputs. */
    readonly wiring: Wiring;
    /** Where the program declared each resource (its own file and line), by URN. */
    readonly declarations: ReadonlyMap<string, SourcePosition>;
}

/**
 * Plans a Pulumi Node.js project offline, as `pulumi preview --policy-pack` would: type-checks
 * it, runs its program under AWS-shaped mocks in a process of its own, runs the policy pack
 * over the recorded graph, and derives DNS records and estimates. The three start at once;
 * nothing they start outlives the plan. Throws ProjectError, TypeCheckError, ProgramError or
 * PolicyPackError when no plan can be made.
 */
export async function planProgram(dir: string, options: PlanOptions = {}): Promise<PlanResult> {
    const step = options.onStep ?? (() => undefined);
    const detail = options.onDetail ?? (() => undefined);
    step("Loading project");
    const project = loadProject(dir, { stack: options.stack, config: options.config });
    const deadline = Date.now() + (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    const packDir = options.policyPack === false ? undefined : (options.policyPack ?? defaultPolicyPackDir());
    if (packDir !== undefined) {
        // Before the program runs, so a missing build is reported at once.
        assertRunnablePolicyPack(packDir);
    }
    step(`Running ${path.relative(process.cwd(), project.main) || "."} under mocks`);
    // The program first: it takes longest. The type check and the pack start meanwhile.
    const stopProgram = new AbortController();
    const running = settledOutcome(runProgram(project, {
        deadline,
        organization: options.organization ?? "organization",
        stackReferenceOutputs: options.stackReferenceOutputs ?? {},
        onOutput: options.onProgramOutput,
        signal: stopProgram.signal,
    }));
    const checking = settledOutcome(typeCheck(project, deadline));
    // Loaded only now (gRPC and the analyzer protocol take a while), once the program is on its way.
    const preparing = packDir === undefined ? undefined : settledOutcome(import("../policyEngine").then(({ preparePolicyPack }) => preparePolicyPack(packDir, {
        config: options.policyPackConfig,
        onProgress: detail,
        preview: true,
        stack: { project: project.name, stack: project.stack },
        deadline,
    })));
    let pack: PreparedPolicyPack | undefined;
    try {
        // pulumi preview compiles before it runs: type errors come first, then the program's, then the pack's.
        const typeChecked = await checking.then(unwrap);
        if (typeChecked.status === "failed") {
            throw new TypeCheckError(`TypeScript reports errors in the program; pulumi preview would refuse to run it:\n${typeChecked.detail}\n` +
                "(The check follows the Pulumi language host: opt out with PULUMI_NODEJS_TRANSPILE_ONLY=true or \"noCheck\": true in the program's tsconfig.)");
        }
        detail(typeCheckSummary(typeChecked));
        const ran = await running.then(unwrap);
        pack = preparing === undefined ? undefined : await preparing.then(unwrap);
        if (!ran.entry.startsWith(project.programDir + path.sep)) {
            detail(`the entry point is ${path.relative(process.cwd(), ran.entry)}: Pulumi.yaml's main is not a file, so, like the Pulumi ` +
                "language host, the plan runs the main (or exports) of the nearest package.json");
        }
        const unsupplied = ran.stackReferences.filter((ref) => !ref.supplied).map((ref) => ref.name);
        if (unsupplied.length > 0) {
            detail(`stack references with unknown outputs (supply them with --stack-reference-outputs): ${unsupplied.join(", ")}`);
        }
        let policy: PolicyRunResult | undefined;
        if (pack !== undefined) {
            step("Running policy pack");
            policy = await pack.analyze(ran.graph.resources);
        }
        step("Estimating");
        // What AWS would receive: the engine sends remediated properties to the provider.
        const deployed = policy === undefined ? ran.graph : withRemediations(ran.graph, policy);
        const regions = regionsOf(deployed, project.config["aws:region"] ?? DEFAULT_REGION);
        const serviceConnect = serviceConnectOf(deployed);
        const result: PlanResult = {
            project,
            entry: ran.entry,
            graph: deployed,
            outputs: ran.outputs,
            dnsRecords: dnsRecordsOf(deployed),
            apiOnlyServices: apiOnlyServicesOf(deployed),
            policy,
            serviceConnect,
            estimates: estimate(deployed, serviceConnect, { ...DEFAULT_TRAFFIC, ...options.traffic }, regions),
            opaque: deployed.resources.filter((r) => r.remote).map((r) => ({ urn: r.urn, type: r.type, name: r.name, modelledOutputs: modelledOutputsOf(r.type) })),
            regions,
            typeCheck: typeChecked,
            stackReferences: ran.stackReferences,
            programPeakRssMb: ran.peakRssMb,
            wiring: wiringOf(deployed, ran.outputs),
            declarations: declarationsOf(deployed, project.dir),
        };
        // A program that fails after its outputs settled (a timer, a late rejection) fails the plan.
        await ran.settled;
        return result;
    } finally {
        // Nothing the plan started outlives it, whether it succeeded or failed half-way.
        stopProgram.abort();
        await Promise.all([pack?.close(), preparing?.then((outcome) => (outcome.ok && outcome.value !== pack ? outcome.value.close() : undefined))]);
    }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects: its outcome is read when the plan gets to it, so a failure meanwhile is not "unhandled". */
function settledOutcome<T>(promise: Promise<T>): Promise<Outcome<T>> {
    return promise.then((value) => ({ ok: true, value }), (error: unknown) => ({ ok: false, error }));
}

function unwrap<T>(outcome: Outcome<T>): T {
    if (!outcome.ok) {
        throw outcome.error;
    }
    return outcome.value;
}

function typeCheckSummary(result: TypeCheckResult): string {
    return result.status === "skipped" ? `type check skipped: ${result.detail}` : `type check passed${result.cached ? " (cached)" : ""}: ${result.detail}`;
}

/** The graph with each remediated resource's inputs replaced by the remediation's properties. */
function withRemediations(graph: ResourceGraph, policy: PolicyRunResult): ResourceGraph {
    const remediated = new Map<string, Readonly<Record<string, unknown>>>();
    for (const remediation of policy.remediations) {
        if (remediation.properties !== undefined) {
            remediated.set(remediation.urn, remediation.properties);
        }
    }
    if (remediated.size === 0) {
        return graph;
    }
    return new ResourceGraph(graph.resources.map((r) => {
        const inputs = remediated.get(r.urn);
        return inputs === undefined ? r : { ...r, inputs };
    }));
}

/** 1 when any policy violation would block the deployment, else 0. */
export function exitCodeOf(result: PlanResult): 0 | 1 {
    return mandatoryCount(result.policy) > 0 ? 1 : 0;
}

import * as path from "path";
import { PolicyRunResult, runPolicyPack } from "../policyEngine";
import { ResourceGraph, SourcePosition } from "../resourceGraph";
import { DEFAULT_TRAFFIC, Traffic } from "./cost";
import { declarationsOf } from "./declarations";
import { ApiOnlyService, apiOnlyServicesOf, DnsRecord, dnsRecordsOf } from "./dnsRecords";
import { estimate, Estimates } from "./estimates";
import { loadProject, PulumiProject } from "./loadProject";
import { assertRunnablePolicyPack, defaultPolicyPackDir, mandatoryCount } from "./policy";
import { runProgram } from "./runProgram";
import { Wiring, wiringOf } from "./wiring";

export interface PlanOptions {
    /** @default "dev" */
    readonly stack?: string;
    /** Config overrides, `key` (project namespace) or `ns:key` → value. */
    readonly config?: Readonly<Record<string, string>>;
    /** A policy pack directory, or `false` to skip policy. @default this repository's policy-pack/ */
    readonly policyPack?: string | false;
    /** Contents of a `--policy-pack-config` file. */
    readonly policyPackConfig?: Record<string, unknown>;
    /** @default DEFAULT_TRAFFIC */
    readonly traffic?: Partial<Traffic>;
    /** Called as each step starts ("Running program"), for progress display. */
    readonly onStep?: (step: string) => void;
    /** Called with finer progress inside a step. */
    readonly onDetail?: (message: string) => void;
}

export interface PlanResult {
    readonly project: PulumiProject;
    readonly graph: ResourceGraph;
    /** The program's stack outputs. */
    readonly outputs: Record<string, unknown>;
    readonly dnsRecords: readonly DnsRecord[];
    readonly apiOnlyServices: readonly ApiOnlyService[];
    /** Undefined when policy was skipped. */
    readonly policy?: PolicyRunResult;
    readonly estimates: Estimates;
    /** Who may talk to whom, what each role may do, what each container receives, the stack outputs. */
    readonly wiring: Wiring;
    /** Where the program declared each resource (its own file and line), by URN. */
    readonly declarations: ReadonlyMap<string, SourcePosition>;
}

// Programs run in this process against the SDK's global state, so plans take turns.
let previous: Promise<unknown> = Promise.resolve();

/**
 * Plans a Pulumi Node.js project offline: runs its program under AWS-shaped mocks, runs the
 * policy pack over the recorded graph, and derives DNS records and estimates. Throws
 * ProjectError, ProgramError or PolicyPackError when no plan can be made.
 */
export function planProgram(dir: string, options: PlanOptions = {}): Promise<PlanResult> {
    const run = previous.catch(() => undefined).then(() => plan(dir, options));
    previous = run;
    return run;
}

async function plan(dir: string, options: PlanOptions): Promise<PlanResult> {
    const step = options.onStep ?? (() => undefined);
    step("Loading project");
    const project = loadProject(dir, { stack: options.stack, config: options.config });
    const packDir = options.policyPack === false ? undefined : (options.policyPack ?? defaultPolicyPackDir());
    if (packDir !== undefined) {
        // Before the program runs, so a missing build is reported at once.
        assertRunnablePolicyPack(packDir);
    }
    step(`Running ${path.relative(process.cwd(), project.main) || "."} under mocks`);
    const { graph, outputs } = await runProgram(project);
    let policy: PolicyRunResult | undefined;
    if (packDir !== undefined) {
        step("Running policy pack");
        policy = await runPolicyPack(packDir, graph.resources, { config: options.policyPackConfig, onProgress: options.onDetail });
    }
    step("Estimating");
    // What AWS would receive: the engine sends remediated properties to the provider.
    const deployed = policy === undefined ? graph : withRemediations(graph, policy);
    return {
        project,
        graph: deployed,
        outputs,
        dnsRecords: dnsRecordsOf(deployed),
        apiOnlyServices: apiOnlyServicesOf(deployed),
        policy,
        estimates: estimate(deployed, { ...DEFAULT_TRAFFIC, ...options.traffic }, project.config["aws:region"] ?? "us-east-1"),
        wiring: wiringOf(deployed, outputs),
        declarations: declarationsOf(deployed, project.dir),
    };
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

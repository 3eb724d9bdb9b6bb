import { createRequire } from "module";
import type * as grpcTypes from "@grpc/grpc-js";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { EnforcementLevel, JsonSchema, PolicyConfig, PolicyConfigSchema, reconcilePolicyConfig } from "./policyConfig";
import { PolicyPackError } from "./policyPackError";
import { spawnPolicyPack } from "./policyPackProcess";
import { RecordedResource } from "./resourceGraph";
import { propertiesToWire } from "./wireProperties";

export type { EnforcementLevel } from "./policyConfig";

// The gRPC runtime the generated stubs were built against (a dependency of @pulumi/pulumi);
// credentials and status codes must come from that same copy.
const grpc = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"))("@grpc/grpc-js") as typeof grpcTypes;

export interface PolicyViolation {
    policy: string;
    level: EnforcementLevel;
    urn?: string;
    message: string;
    description: string;
}

export interface PolicyRemediation {
    policy: string;
    urn: string;
    diagnostic?: string;
    properties?: Record<string, unknown>;
}

export interface PolicyRunResult {
    packName: string;
    policies: { name: string; description: string; enforcementLevel: EnforcementLevel }[];
    violations: PolicyViolation[];
    remediations: PolicyRemediation[];
}

export interface PolicyRunOptions {
    /** Contents of a `--policy-pack-config` file. */
    config?: Record<string, unknown>;
    onProgress?: (message: string) => void;
    /** Tell the pack (ConfigureStack `dryRun`) that this is a preview. @default false */
    preview?: boolean;
    /** The stack analysed (ConfigureStack). @default taken from the resources' URNs */
    stack?: { project: string; stack: string };
    /** When every call to the pack must have been answered (epoch ms). @default each call gets DEFAULT_CALL_TIMEOUT_MS */
    deadline?: number;
}

export interface SessionOptions {
    /** When every call to the pack must have been answered (epoch ms). @default each call gets DEFAULT_CALL_TIMEOUT_MS */
    deadline?: number;
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    /** `configSchema` is undefined for a policy that declares none. */
    policies: { name: string; description: string; enforcementLevel: EnforcementLevel; configSchema?: PolicyConfigSchema }[];
    /** Config the pack declared itself (PolicyPack `initialConfig`), in `--policy-pack-config` form. */
    initialConfig: Record<string, unknown>;
}

/** A resource as AnalyzeStack sees it: `properties` are its outputs (see {@link analyzeResources}). */
export interface AnalyzedResource {
    readonly resource: RecordedResource;
    readonly properties: Readonly<Record<string, unknown>>;
}

/** A connection to a running policy pack, speaking the engine's side of the Analyzer protocol. */
export interface AnalyzerSession {
    readonly port: number;
    info(): Promise<AnalyzerInfo>;
    /** Sends ConfigureStack; false when the pack's SDK does not implement it. */
    configureStack(stack: { project: string; stack: string; dryRun: boolean }): Promise<boolean>;
    /**
     * Reconciles `config` with the schema defaults and validates it against the schemas (as the
     * engine does), then sends Configure; returns what was sent. Throws PolicyPackError for bad config.
     */
    configure(config?: Record<string, unknown>): Promise<Map<string, PolicyConfig>>;
    remediate(resource: RecordedResource, all: readonly RecordedResource[], properties?: Readonly<Record<string, unknown>>): Promise<PolicyRemediation[]>;
    analyze(resource: RecordedResource, all: readonly RecordedResource[], properties?: Readonly<Record<string, unknown>>): Promise<PolicyViolation[]>;
    analyzeStack(resources: readonly AnalyzedResource[]): Promise<PolicyViolation[]>;
    close(): Promise<void>;
}

const LEVEL_FROM_WIRE: Record<analyzer.EnforcementLevel, EnforcementLevel> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_TO_WIRE: Record<EnforcementLevel, analyzer.EnforcementLevel> = {
    advisory: analyzer.EnforcementLevel.ADVISORY,
    mandatory: analyzer.EnforcementLevel.MANDATORY,
    disabled: analyzer.EnforcementLevel.DISABLED,
    remediate: analyzer.EnforcementLevel.REMEDIATE,
};

type Unary<Req, Res> = (
    request: Req, metadata: grpcTypes.Metadata, options: Partial<grpcTypes.CallOptions>,
    callback: (error: grpcTypes.ServiceError | null, response: Res) => void,
) => unknown;

/** How long a dropped connection waits to see whether the pack's process exited. */
const EXIT_NOTICE_MS = 1_000;

/** How long one call to a pack may take when the caller sets no deadline. */
export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/**
 * The largest message either side may send: what the pack's gRPC server accepts
 * (@pulumi/policy `server.js`, `maxRPCMessageSize`, 400 MiB) and what the Pulumi engine's
 * clients allow. gRPC's 4 MiB default would fail a stack with a few thousand findings.
 */
export const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

function toStruct(properties: Readonly<Record<string, unknown>>): Struct {
    return Struct.fromJavaScript(properties as Record<string, JavaScriptValue>);
}

function options(resource: RecordedResource): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(resource.options.protect ?? false);
    opts.setIgnorechangesList([...resource.options.ignoreChanges]);
    opts.setDeletebeforereplace(resource.options.deleteBeforeReplace ?? false);
    opts.setDeletebeforereplacedefined(resource.options.deleteBeforeReplace !== undefined);
    opts.setParent(resource.parent ?? "");
    return opts;
}

/** The explicit provider a resource names (`<urn>::<id>`), when that provider is in the graph. */
async function provider(resource: RecordedResource, all: readonly RecordedResource[]): Promise<analyzer.AnalyzerProviderResource | undefined> {
    const ref = resource.options.provider;
    const providerUrn = ref?.slice(0, ref.lastIndexOf("::"));
    const found = all.find((r) => r.urn === providerUrn);
    if (found === undefined) {
        return undefined;
    }
    return new analyzer.AnalyzerProviderResource()
        .setType(found.type).setUrn(found.urn).setName(found.name)
        .setProperties(toStruct(await propertiesToWire(found.inputs)));
}

async function resourceRequest<T extends analyzer.AnalyzeRequest | analyzer.AnalyzerResource>(
    message: T, resource: RecordedResource, all: readonly RecordedResource[], properties: Readonly<Record<string, unknown>>,
): Promise<T> {
    message.setType(resource.type).setUrn(resource.urn).setName(resource.name).setOptions(options(resource));
    message.setProperties(toStruct(await propertiesToWire(properties)));
    const prov = await provider(resource, all);
    if (prov !== undefined) {
        message.setProvider(prov);
    }
    return message;
}

function violations(response: analyzer.AnalyzeResponse, urn?: string): PolicyViolation[] {
    return response.getDiagnosticsList().map((d) => ({
        policy: d.getPolicyname(),
        level: LEVEL_FROM_WIRE[d.getEnforcementlevel()],
        urn: d.getUrn() || urn,
        message: d.getMessage(),
        description: d.getDescription(),
    }));
}

/** Starts a policy pack and connects to it. Always `close()` the session. */
export async function startPolicyPack(packDir: string, options: SessionOptions = {}): Promise<AnalyzerSession> {
    const pack = await spawnPolicyPack(packDir, { deadline: options.deadline });
    const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    let packName = `in ${packDir}`;
    let closing = false;
    let exitedHow: string | undefined;
    void pack.exited.then((how) => (exitedHow = how));

    /** A failed call, said in the user's terms: which pack, doing what, and what went wrong. */
    const explain = (error: grpcTypes.ServiceError | Error, what: string): Error => Object.assign(describe(error, what), { code: (error as grpcTypes.ServiceError).code });
    const describe = (error: grpcTypes.ServiceError | Error, what: string): Error => {
        const code = (error as grpcTypes.ServiceError).code;
        const log = pack.stderr().trim();
        const stderr = log ? `\npolicy pack stderr:\n${log}` : "";
        if (exitedHow !== undefined) {
            return new PolicyPackError(`policy pack ${packName} exited (${exitedHow}) during ${what}.${stderr}`);
        }
        if (code === grpc.status.DEADLINE_EXCEEDED) {
            return new PolicyPackError(`policy pack ${packName} did not answer ${what} in time (the plan's --timeout): it may be stuck in a policy.${stderr}`);
        }
        if (code === grpc.status.RESOURCE_EXHAUSTED) {
            return new PolicyPackError(`${what}: a message to or from policy pack ${packName} exceeded ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB (${error.message}).${stderr}`);
        }
        return new PolicyPackError(`policy pack ${packName} failed ${what}: ${(error as grpcTypes.ServiceError).details || error.message}${stderr}`);
    };

    /** One call, bounded by the deadline, failing at once if the pack dies meanwhile. */
    const rpc = <Req, Res>(method: Unary<Req, Res>, request: Req, what: string): Promise<Res> => {
        const deadline = new Date(options.deadline ?? Date.now() + DEFAULT_CALL_TIMEOUT_MS);
        const answered = new Promise<Res>((resolve, reject) => {
            method.call(client, request, new grpc.Metadata(), { deadline }, (error, response) => (error ? reject(error) : resolve(response)));
        });
        const died = pack.exited.then((how) => {
            exitedHow = how;
            if (!closing) {
                throw new Error(`exited (${how})`);
            }
            return answered;
        });
        return Promise.race([answered, died]).catch(async (error: grpcTypes.ServiceError | Error) => {
            // A dropped connection is usually the pack dying: give its exit a moment to be seen.
            if (exitedHow === undefined && (error as grpcTypes.ServiceError).code === grpc.status.UNAVAILABLE) {
                await Promise.race([pack.exited, new Promise((resolve) => setTimeout(resolve, EXIT_NOTICE_MS))]);
            }
            throw explain(error, what);
        });
    };
    let cachedInfo: AnalyzerInfo | undefined;

    const info = async (): Promise<AnalyzerInfo> => {
        if (cachedInfo === undefined) {
            const response = await rpc<Empty, analyzer.AnalyzerInfo>(client.getAnalyzerInfo, new Empty(), "GetAnalyzerInfo");
            const initialConfig: Record<string, unknown> = {};
            response.getInitialconfigMap().forEach((config, name) => {
                initialConfig[name] = { enforcementLevel: LEVEL_FROM_WIRE[config.getEnforcementlevel()], ...config.getProperties()?.toJavaScript() };
            });
            cachedInfo = {
                name: response.getName(),
                version: response.getVersion(),
                policies: response.getPoliciesList().map((p) => {
                    const schema = p.getConfigschema();
                    return {
                        name: p.getName(),
                        description: p.getDescription(),
                        enforcementLevel: LEVEL_FROM_WIRE[p.getEnforcementlevel()],
                        configSchema: schema === undefined ? undefined : {
                            properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonSchema>,
                            required: schema.getRequiredList(),
                        },
                    };
                }),
                initialConfig,
            };
            packName = `"${cachedInfo.name}" (${packDir})`;
        }
        return cachedInfo;
    };

    return {
        port: pack.port,
        info,
        async configureStack({ project, stack, dryRun }) {
            const request = new analyzer.AnalyzerStackConfigureRequest().setProject(project).setStack(stack).setDryRun(dryRun);
            try {
                await rpc(client.configureStack, request, "ConfigureStack");
                return true;
            } catch (error) {
                if ((error as grpcTypes.ServiceError).code === grpc.status.UNIMPLEMENTED) {
                    return false;
                }
                throw error;
            }
        },
        async configure(config = {}) {
            const { policies, initialConfig } = await info();
            // Throws PolicyPackError, before the pack sees it, for config its schemas refuse.
            const reconciled = reconcilePolicyConfig(policies, initialConfig, config);
            const request = new analyzer.ConfigureAnalyzerRequest();
            for (const [name, policyConfig] of reconciled) {
                request.getPolicyconfigMap().set(name, new analyzer.PolicyConfig()
                    .setEnforcementlevel(LEVEL_TO_WIRE[policyConfig.enforcementLevel])
                    .setProperties(toStruct(policyConfig.properties)));
            }
            await rpc(client.configure, request, "Configure");
            return reconciled;
        },
        async remediate(resource, all, properties = resource.inputs) {
            const request = await resourceRequest(new analyzer.AnalyzeRequest(), resource, all, properties);
            const response = await rpc<analyzer.AnalyzeRequest, analyzer.RemediateResponse>(client.remediate, request, `Remediate of ${resource.urn}`);
            return response.getRemediationsList().map((r) => ({
                policy: r.getPolicyname(),
                urn: resource.urn,
                diagnostic: r.getDiagnostic() || undefined,
                properties: r.getProperties()?.toJavaScript(),
            }));
        },
        async analyze(resource, all, properties = resource.inputs) {
            const request = await resourceRequest(new analyzer.AnalyzeRequest(), resource, all, properties);
            return violations(await rpc(client.analyze, request, `Analyze of ${resource.urn}`), resource.urn);
        },
        async analyzeStack(resources) {
            const all = resources.map((r) => r.resource);
            const messages = await Promise.all(resources.map(async ({ resource, properties }) => {
                const message = await resourceRequest(new analyzer.AnalyzerResource(), resource, all, properties);
                message.setParent(resource.parent ?? "").setDependenciesList([...resource.dependencies]);
                for (const [key, urns] of Object.entries(resource.propertyDependencies)) {
                    message.getPropertydependenciesMap().set(key, new analyzer.AnalyzerPropertyDependencies().setUrnsList([...urns]));
                }
                return message;
            }));
            return violations(await rpc(client.analyzeStack, new analyzer.AnalyzeStackRequest().setResourcesList(messages), `AnalyzeStack of ${resources.length} resources`));
        },
        async close() {
            closing = true;
            client.close();
            await pack.kill();
        },
    };
}

/** Stack and project from a URN, `urn:pulumi:<stack>::<project>::…`. */
function stackOf(resources: readonly RecordedResource[]): { stack: string; project: string } {
    const [head = "urn:pulumi:dev", project = "project"] = (resources[0]?.urn ?? "").split("::");
    return { stack: head.replace(/^urn:pulumi:/, ""), project };
}

/**
 * What AnalyzeStack sees of a resource. The engine sends each resource's outputs, not its
 * inputs ("AnalyzeStack is called on the final outputs of each resource"): after an update the
 * inputs plus what the provider computed; in a preview, computed outputs the program did not
 * set (ids, ARNs, optional computed properties) are unknown. The recorded outputs are those;
 * when a remediation changed the inputs, the provider would have received and echoed the
 * remediated values, so they replace the recorded ones.
 */
function stackProperties(resource: RecordedResource, properties: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    return properties === resource.inputs ? resource.outputs : { ...resource.outputs, ...properties };
}

/**
 * How many resources are in Remediate/Analyze at once. The engine analyzes each resource as
 * its step runs, many in parallel; one call at a time would make the pack's cost a gRPC round
 * trip per resource (about 1.5 ms) instead of its policies' CPU time.
 */
const ANALYZE_CONCURRENCY = 16;

/**
 * The engine's analysis pass over a configured session: Remediate then Analyze for each
 * resource (remediated properties replace the inputs before Analyze), then AnalyzeStack over
 * every resource's outputs. Results keep registration order.
 */
export async function analyzeResources(session: AnalyzerSession, resources: readonly RecordedResource[]): Promise<Pick<PolicyRunResult, "violations" | "remediations">> {
    const perResource = new Array<{ violations: PolicyViolation[]; remediations: PolicyRemediation[]; analyzed: AnalyzedResource }>(resources.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < resources.length) {
            const index = next++;
            const resource = resources[index];
            let properties = resource.inputs;
            const remediations = await session.remediate(resource, resources, properties);
            for (const remediation of remediations) {
                properties = remediation.properties ?? properties;
            }
            const violations = await session.analyze(resource, resources, properties);
            perResource[index] = { violations, remediations, analyzed: { resource, properties: stackProperties(resource, properties) } };
        }
    };
    await Promise.all(Array.from({ length: Math.min(ANALYZE_CONCURRENCY, resources.length) }, worker));
    const violations = perResource.flatMap((r) => r.violations);
    violations.push(...await session.analyzeStack(perResource.map((r) => r.analyzed)));
    return { violations, remediations: perResource.flatMap((r) => r.remediations) };
}

/** A policy pack started and configured, ready to analyse a graph. */
export interface PreparedPolicyPack {
    readonly session: AnalyzerSession;
    readonly info: AnalyzerInfo;
    /** {@link analyzeResources}, as a policy run's result. */
    analyze(resources: readonly RecordedResource[]): Promise<PolicyRunResult>;
    close(): Promise<void>;
}

/**
 * Starts a policy pack and prepares it the way `pulumi preview --policy-pack` does before any
 * resource is analysed: ConfigureStack, GetAnalyzerInfo, Configure with schema defaults and
 * `options.config`. It needs nothing from the program, so a plan does this while the program
 * runs. The pack is stopped if preparing it fails.
 */
export async function preparePolicyPack(packDir: string, options: PolicyRunOptions & { stack: { project: string; stack: string } }): Promise<PreparedPolicyPack> {
    const progress = options.onProgress ?? (() => undefined);
    progress(`starting policy pack ${packDir}`);
    const session = await startPolicyPack(packDir, { deadline: options.deadline });
    try {
        await session.configureStack({ ...options.stack, dryRun: options.preview ?? false });
        const info = await session.info();
        await session.configure(options.config);
        return {
            session,
            info,
            async analyze(resources) {
                progress(`running ${info.policies.length} policies of ${info.name}@${info.version} on ${resources.length} resources`);
                const { violations, remediations } = await analyzeResources(session, resources);
                return {
                    packName: info.name,
                    policies: info.policies.map(({ name, description, enforcementLevel }) => ({ name, description, enforcementLevel })),
                    violations,
                    remediations,
                };
            },
            close: () => session.close(),
        };
    } catch (err) {
        await session.close();
        throw err;
    }
}

/**
 * Runs a policy pack over a recorded resource graph the way `pulumi preview --policy-pack`
 * does: {@link preparePolicyPack}, then {@link analyzeResources}.
 */
export async function runPolicyPack(packDir: string, resources: readonly RecordedResource[], options: PolicyRunOptions = {}): Promise<PolicyRunResult> {
    const pack = await preparePolicyPack(packDir, { ...options, stack: options.stack ?? stackOf(resources) });
    try {
        return await pack.analyze(resources);
    } finally {
        await pack.close();
    }
}

import type * as grpcTypes from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as resourceRpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import { AwsMocks } from "../../../engine/awsMocks";
import { RecordingMonitor } from "../../../engine/recordingMonitor";
import { RecordedResource } from "../../../engine/resourceGraph";
import { grpc } from "./grpc";

/**
 * The engine's half of a deployment, in the test process: the Engine service a provider logs
 * to (its address is the plugin's command-line argument) and the ResourceMonitor a Construct
 * registers its children with (the ConstructRequest's `monitorEndpoint`). The monitor is the
 * in-process tests' RecordingMonitor over AwsMocks — its methods take the same protobuf
 * requests a gRPC handler receives — so a graph built over gRPC is recorded exactly as one built
 * in-process, and the two can be compared.
 */

export interface EngineLogEntry {
    readonly severity: "debug" | "info" | "warning" | "error";
    readonly message: string;
    readonly urn: string;
}

/** The deployment a Construct belongs to, as the engine describes it to the provider. */
export interface Deployment {
    readonly project: string;
    readonly stack: string;
    /** Stack configuration, keys as `aws:region`. */
    readonly config: Readonly<Record<string, string>>;
}

type Handler = grpcTypes.handleUnaryCall<unknown, unknown>;

const SEVERITY: Record<engineProto.LogSeverity, EngineLogEntry["severity"]> = {
    [engineProto.LogSeverity.DEBUG]: "debug",
    [engineProto.LogSeverity.INFO]: "info",
    [engineProto.LogSeverity.WARNING]: "warning",
    [engineProto.LogSeverity.ERROR]: "error",
};

export class InTestEngine {
    /** Everything providers logged through the Engine service. */
    readonly logs: EngineLogEntry[] = [];
    /** The stack resource's URN, the parent the engine gives top-level components. */
    readonly stackUrn: string;
    private readonly monitor: RecordingMonitor;

    private constructor(readonly deployment: Deployment, private readonly server: grpcTypes.Server, readonly address: string) {
        this.stackUrn = this.urnOf(undefined, "pulumi:pulumi:Stack", `${deployment.project}-${deployment.stack}`);
        this.monitor = this.newMonitor();
    }

    static async start(deployment: Deployment): Promise<InTestEngine> {
        const server = new grpc.Server();
        const port = await new Promise<number>((resolve, reject) =>
            server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
        const engine = new InTestEngine(deployment, server, `127.0.0.1:${port}`);
        server.addService(engineRpc.EngineService, engine.engineService());
        server.addService(resourceRpc.ResourceMonitorService, engine.monitorService());
        return engine;
    }

    /**
     * A resource the deployment registered and everything under it. A Construct that fails may
     * go on registering for a while; its resources stay under its own URN, apart from the next one's.
     */
    resourcesUnder(urn: string): RecordedResource[] {
        const under = new Set([urn]);
        return this.monitor.recorded.filter((r) => {
            if (under.has(r.urn) || (r.parent !== undefined && under.has(r.parent))) {
                under.add(r.urn);
                return true;
            }
            return false;
        });
    }

    /** The URN the monitor gives a resource (MockMonitor's format: the parent's type chain, `$`, the type). */
    urnOf(parent: string | undefined, type: string, name: string): string {
        // As the engine (and the RecordingMonitor) make URNs: qualified by the parent's type, except the root stack's.
        const parentType = parent?.split("::")[2];
        const qualifiedType = parentType === undefined || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
        return `urn:pulumi:${this.deployment.stack}::${this.deployment.project}::${qualifiedType}::${name}`;
    }

    /**
     * Registers a custom resource as the consuming program would (a Python program's own
     * `aws.ec2.SecurityGroup`, say), parented by the stack; returns its URN and id.
     */
    registerProgramResource(type: string, name: string, inputs: Record<string, unknown>): Promise<{ urn: string; id: string }> {
        const request = new resourceProto.RegisterResourceRequest()
            .setType(type)
            .setName(name)
            .setParent(this.stackUrn)
            .setCustom(true)
            .setObject(Struct.fromJavaScript(inputs as Record<string, JavaScriptValue>));
        return new Promise((resolve, reject) => {
            void this.monitor.registerResource(request, (err: unknown, response: unknown) => {
                const registered = response as resourceProto.RegisterResourceResponse | undefined;
                return err || registered === undefined ? reject(err) : resolve({ urn: registered.getUrn(), id: registered.getId() });
            });
        });
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    }

    private newMonitor(): RecordingMonitor {
        // MockMonitor builds URNs from this process's global project and stack (whatever the last
        // in-process run set); a deployment's monitor knows its own.
        return Object.assign(new RecordingMonitor(new AwsMocks()), { newUrn: this.urnOf.bind(this) });
    }

    private engineService(): Record<string, Handler> {
        return {
            log: (call, callback) => {
                const request = call.request as engineProto.LogRequest;
                this.logs.push({ severity: SEVERITY[request.getSeverity()], message: request.getMessage(), urn: request.getUrn() });
                callback(null, new Empty());
            },
            getRootResource: (_call, callback) => callback(null, new engineProto.GetRootResourceResponse().setUrn(this.stackUrn)),
            setRootResource: (_call, callback) => callback(null, new engineProto.SetRootResourceResponse()),
        };
    }

    /** The monitor's handlers, adapting MockMonitor's plain-object answers to the protobuf messages gRPC must send. */
    private monitorService(): Record<string, Handler> {
        return {
            supportsFeature: (call, callback) => this.monitor.supportsFeature(call.request, (err: unknown, response: { getHassupport(): boolean }) =>
                reply(callback)(err, err ? undefined : new resourceProto.SupportsFeatureResponse().setHassupport(response.getHassupport()))),
            registerResource: (call, callback) => void this.monitor.registerResource(call.request as resourceProto.RegisterResourceRequest, reply(callback)),
            registerResourceOutputs: (call, callback) => this.monitor.registerResourceOutputs(call.request as Parameters<RecordingMonitor["registerResourceOutputs"]>[0], (err: unknown) =>
                reply(callback)(err, err ? undefined : new Empty())),
            invoke: (call, callback) => void this.monitor.invoke(call.request, reply(callback)),
            readResource: (call, callback) => void this.monitor.readResource(call.request, reply(callback)),
            registerPackage: (call, callback) => this.monitor.registerPackage(call.request, reply(callback)),
            signalAndWaitForShutdown: (_call, callback) => callback(null, new Empty()),
        };
    }
}

/** MockMonitor answers with whatever a mock threw; gRPC sends an Error's message as the status details. */
function reply(callback: grpcTypes.sendUnaryData<unknown>): (err: unknown, response: unknown) => void {
    return (err, response) => callback(err as grpcTypes.ServerErrorResponse | null, response);
}

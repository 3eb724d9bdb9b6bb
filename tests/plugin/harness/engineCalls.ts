import * as pulumi from "@pulumi/pulumi";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as provider from "@pulumi/pulumi/proto/provider_pb";
import { RecordedResource } from "../../../engine/resourceGraph";
import { unary } from "./grpc";
import { InTestEngine } from "./inTestEngine";
import { PluginHost } from "./pluginHost";

/**
 * The engine's ResourceProvider calls to a component provider, built as the Go engine builds
 * them (pulumi/pulumi `sdk/go/common/resource/plugin/provider_plugin.go`: GetSchema, Configure,
 * Construct).
 */

/** Schema inference reads the whole TypeScript program; Construct registers a few dozen resources. */
const SCHEMA_DEADLINE_MS = 120_000;
const CALL_DEADLINE_MS = 60_000;
/** The deployment's `--parallel`; the Node.js SDK only records it. */
const PARALLEL = 16;

/** A Pulumi package schema, as far as the tests read it. */
export interface PackageSchema {
    readonly name: string;
    readonly version: string;
    readonly resources: Record<string, ResourceSchema>;
    readonly types: Record<string, TypeSchema>;
}

export interface PropertySchema {
    readonly type?: string;
    readonly $ref?: string;
    readonly items?: PropertySchema;
    readonly additionalProperties?: PropertySchema;
    readonly plain?: boolean;
    readonly optional?: boolean;
    readonly description?: string;
}

export interface ResourceSchema {
    readonly isComponent?: boolean;
    readonly description?: string;
    readonly inputProperties: Record<string, PropertySchema>;
    readonly requiredInputs?: string[];
    readonly properties: Record<string, PropertySchema>;
    readonly required?: string[];
}

export interface TypeSchema {
    readonly type: string;
    readonly description?: string;
    readonly enum?: { name: string; value: string; description?: string }[];
    readonly properties?: Record<string, PropertySchema>;
    readonly required?: string[];
}

export async function getPluginVersion(host: PluginHost): Promise<string> {
    const info = await unary<PluginInfo>(CALL_DEADLINE_MS, (m, o, cb) => host.provider.getPluginInfo(new Empty(), m, o, cb));
    return info.getVersion();
}

/** GetSchema version 0, as `pulumi package add` and the engine ask. */
export async function getSchema(host: PluginHost): Promise<PackageSchema> {
    const request = new provider.GetSchemaRequest().setVersion(0);
    const response = await unary<provider.GetSchemaResponse>(SCHEMA_DEADLINE_MS, (m, o, cb) => host.provider.getSchema(request, m, o, cb));
    return JSON.parse(response.getSchema()) as PackageSchema;
}

/**
 * Configures the package's default provider, which the engine does before its first Construct
 * (it refuses to construct with a provider that does not accept secrets).
 */
export async function configureDefaultProvider(host: PluginHost, engine: InTestEngine, packageName: string, version: string): Promise<provider.ConfigureResponse> {
    const { project, stack } = engine.deployment;
    const name = `default_${version.replace(/\./g, "_")}`;
    const type = `pulumi:providers:${packageName}`;
    const request = new provider.ConfigureRequest()
        .setArgs(Struct.fromJavaScript({ version }))
        .setAcceptsecrets(true)
        .setAcceptresources(true)
        .setSendsOldInputs(true)
        .setSendsOldInputsToDelete(true)
        .setUrn(`urn:pulumi:${stack}::${project}::${type}::${name}`)
        .setName(name)
        .setType(type)
        .setId("00000000-0000-4000-8000-000000000000");
    return unary<provider.ConfigureResponse>(CALL_DEADLINE_MS, (m, o, cb) => host.provider.configure(request, m, o, cb));
}

export interface ConstructArgs {
    /** `<package>:index:<Component>`. */
    readonly type: string;
    readonly name: string;
    /** Already in wire form: plain JSON, or values from ./propertyValues. */
    readonly inputs: Record<string, unknown>;
    /** Per top-level input, the URNs its value came from (the program's property dependencies). */
    readonly inputDependencies?: Record<string, string[]>;
}

export interface Constructed {
    readonly urn: string;
    /** The component's outputs, deserialized. */
    readonly state: Record<string, unknown>;
    /** The component and everything the provider registered under it. */
    readonly resources: readonly RecordedResource[];
}

/**
 * Constructs a component as the engine does for a program's remote component during `pulumi up`
 * (not a preview: the mocks answer with known values), parented by the stack.
 */
export async function construct(host: PluginHost, engine: InTestEngine, args: ConstructArgs): Promise<Constructed> {
    const { project, stack, config } = engine.deployment;
    const request = new provider.ConstructRequest()
        .setProject(project)
        .setStack(stack)
        .setOrganization("organization")
        .setDryrun(false)
        .setParallel(PARALLEL)
        .setMonitorendpoint(engine.address)
        .setType(args.type)
        .setName(args.name)
        .setParent(engine.stackUrn)
        .setInputs(Struct.fromJavaScript(args.inputs as Record<string, JavaScriptValue>))
        .setAcceptsOutputValues(true);
    for (const [key, value] of Object.entries(config)) {
        request.getConfigMap().set(key, value);
    }
    for (const [key, urns] of Object.entries(args.inputDependencies ?? {})) {
        request.getInputdependenciesMap().set(key, new provider.ConstructRequest.PropertyDependencies().setUrnsList(urns));
    }
    const response = await unary<provider.ConstructResponse>(CALL_DEADLINE_MS, (m, o, cb) => host.provider.construct(request, m, o, cb));
    return {
        urn: response.getUrn(),
        state: pulumi.runtime.deserializeProperties(response.getState()!) as Record<string, unknown>,
        resources: engine.resourcesUnder(response.getUrn()),
    };
}

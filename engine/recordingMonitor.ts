import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { fileURLToPath } from "url";
import { RecordedResource, SourcePosition } from "./resourceGraph";

type Struct = Parameters<typeof pulumi.runtime.deserializeProperties>[0];

// The mock monitor is handed gRPC request objects; these are the accessors used here.
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getImportid(): string;
    getObject(): unknown;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getReplaceonchangesList(): string[];
    getProvider(): string;
    getDeletedwith(): string;
    getStacktrace(): { getFramesList(): { getPc(): { getUri(): string; getLine(): number; getColumn(): number } | undefined }[] } | undefined;
}

interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): unknown;
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * A mock resource monitor that also records what the engine would learn from each
 * registration: parent, dependencies, property dependencies and options. Pulumi's own
 * MockMonitor keeps only URNs and state.
 */
export class RecordingMonitor extends MockMonitor {
    readonly recorded: RecordedResource[] = [];
    /** Index in `recorded` of each URN. */
    private readonly urns = new Map<string, number>();

    constructor(mocks: pulumi.runtime.Mocks) {
        super(mocks);
        // URNs as the engine makes them: a resource's type is qualified by its parent's, except
        // under the root stack (`…::aws:ecs/cluster:Cluster::c`, not `…::pulumi:pulumi:Stack$aws:…`).
        // MockMonitor qualifies by the stack too; its URN builder is private, hence the assignment.
        Object.assign(this, {
            newUrn: (parent: string, type: string, name: string): string => {
                const parentType = parent ? parent.split("::")[2] : undefined;
                const qualified = parentType === undefined || parentType === ROOT_STACK_TYPE ? type : `${parentType}$${type}`;
                return `urn:pulumi:${[pulumi.getStack(), pulumi.getProject(), qualified, name].join("::")}`;
            },
        });
    }

    override async registerResource(req: RegisterRequest, callback: (err: unknown, response: unknown) => void): Promise<void> {
        await super.registerResource(req, (err: unknown, response: unknown) => {
            if (!err && response) {
                const registered = response as { getUrn(): string; getId(): string; getObject(): { toJavaScript(): Record<string, unknown> } };
                // The engine refuses a second resource with the same URN; so must an offline plan.
                if (this.urns.has(registered.getUrn())) {
                    callback(new Error(`Duplicate resource URN '${registered.getUrn()}'; try giving it a unique name`), undefined);
                    return;
                }
                this.urns.set(registered.getUrn(), this.recorded.length);
                this.record(req, registered);
            }
            callback(err, response);
        });
    }

    override registerResourceOutputs(req: RegisterOutputsRequest, callback: (err: unknown, response: unknown) => void): void {
        const index = this.urns.get(req.getUrn());
        if (index !== undefined) {
            // keepUnknowns: an output that is unknown in a preview must read as unknown, not as absent.
            const registeredOutputs = pulumi.runtime.deserializeProperties(req.getOutputs() as Struct, true) as Record<string, unknown>;
            this.recorded[index] = { ...this.recorded[index], registeredOutputs };
        }
        super.registerResourceOutputs(req, callback);
    }

    private record(req: RegisterRequest, response: { getUrn(): string; getId(): string; getObject(): { toJavaScript(): Record<string, unknown> } }): void {
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((value, key) => {
            propertyDependencies[key] = value.getUrnsList();
        });
        // Unknowns kept (as the SDK's `unknown`): in a preview they are what the engine would receive.
        const inputs = pulumi.runtime.deserializeProperties(req.getObject() as Struct, true) as Record<string, unknown>;
        const outputs = pulumi.runtime.deserializeProperties(response.getObject() as unknown as Struct, true) as Record<string, unknown>;
        this.recorded.push({
            urn: response.getUrn(),
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            remote: req.getRemote() || undefined,
            importId: req.getImportid() || undefined,
            parent: req.getParent() || undefined,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            inputs,
            id: response.getId() || undefined,
            outputs,
            options: {
                protect: req.getProtect() || undefined,
                retainOnDelete: req.getRetainondelete() || undefined,
                deleteBeforeReplace: req.getDeletebeforereplace() || undefined,
                ignoreChanges: req.getIgnorechangesList(),
                replaceOnChanges: req.getReplaceonchangesList(),
                provider: req.getProvider() || undefined,
                deletedWith: req.getDeletedwith() || undefined,
            },
            stackTrace: stackTraceOf(req),
        });
    }
}

/** The registration's call stack without the SDK's and libraries' frames, which never declare a resource. */
function stackTraceOf(req: RegisterRequest): SourcePosition[] {
    const frames: SourcePosition[] = [];
    for (const frame of req.getStacktrace()?.getFramesList() ?? []) {
        const pc = frame.getPc();
        if (pc === undefined || !pc.getUri().startsWith("file:")) {
            continue;
        }
        const file = fileURLToPath(pc.getUri());
        if (!file.includes(NODE_MODULES)) {
            frames.push({ file, line: pc.getLine(), column: pc.getColumn() });
        }
    }
    return frames;
}

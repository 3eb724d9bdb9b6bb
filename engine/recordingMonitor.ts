import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as pulumi from "@pulumi/pulumi";
import { RecordedResource } from "./resourceGraph";

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
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * A mock resource monitor that also records what the engine would learn from each
 * registration: parent, dependencies, property dependencies and options. Pulumi's own
 * MockMonitor keeps only URNs and state.
 */
export class RecordingMonitor extends MockMonitor {
    readonly recorded: RecordedResource[] = [];
    private readonly urns = new Set<string>();

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
                this.urns.add(registered.getUrn());
                this.record(req, registered);
            }
            callback(err, response);
        });
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
        });
    }
}

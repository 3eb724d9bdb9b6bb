import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { AwsMocks } from "./awsMocks";
import { withProcessErrorsCaptured } from "./processErrors";
import { withoutPromiseStacks } from "./promiseStacks";
import { RecordingMonitor } from "./recordingMonitor";
import { ResourceGraph } from "./resourceGraph";

// Internals of the SDK that `pulumi.runtime.setMocks` uses but does not declare.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const internals = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };

export interface RunUnderMocksOptions {
    /** @default "project" */
    readonly project?: string;
    /** @default "dev" */
    readonly stack?: string;
    /**
     * Run as a preview (`pulumi preview`): outputs the mocks do not compute are unknown, so
     * `apply` callbacks on them do not run and stack outputs built from them are unknown.
     * @default false (as `pulumi up` under mocks: every output known, missing ones undefined)
     */
    readonly preview?: boolean;
    /** What `pulumi.getOrganization()` answers. @default "organization" (the CLI's answer with a local backend) */
    readonly organization?: string;
    /** Stack configuration, keys as `project:key` or `aws:region`. */
    readonly config?: Readonly<Record<string, string>>;
    /** @default new AwsMocks() */
    readonly mocks?: pulumi.runtime.Mocks;
}

export interface ProgramRun {
    readonly graph: ResourceGraph;
    /** The program's stack outputs (its exports), resolved; in a preview, unknown ones are `pulumi.unknown`. */
    readonly outputs: Record<string, unknown>;
}

/**
 * Runs a Pulumi program in this process under mocks and returns the resource graph the
 * engine would have received. `program` is what a Pulumi program's module body does:
 * declare resources and optionally return stack outputs.
 */
export async function runUnderMocks(program: () => unknown, options: RunUnderMocksOptions = {}): Promise<ProgramRun> {
    const monitor = new RecordingMonitor(options.mocks ?? new AwsMocks());
    settings.setMockOptions(monitor, options.project ?? "project", options.stack ?? "dev", options.preview ?? false, options.organization ?? "organization");
    // The same feature switches pulumi.runtime.setMocks turns on.
    const store = state.getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsReplaceWith = true;
    store.supportsAliasSpecs = true;
    store.supportsTransforms = false;
    store.supportsParameterization = true;
    pulumi.runtime.setAllConfig({ ...(options.config ?? {}) });

    // Like the language host, a registration or apply that fails outside any await fails the run.
    return withProcessErrorsCaptured(() => withoutPromiseStacks(async () => {
        const exported = await pulumi.runtime.runInPulumiStack(async () => program());
        await internals.waitForRPCs();
        const outputs = (await resolveDeep(exported ?? {})) as Record<string, unknown>;
        await internals.waitForRPCs();
        return { graph: new ResourceGraph([...monitor.recorded]), outputs };
    }));
}

/**
 * Resolves Outputs and promises nested anywhere in a value. An Output not known until deploy
 * (previews) becomes `pulumi.unknown`: its `apply` callbacks would never run.
 */
async function resolveDeep(value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const output = value as unknown as { isKnown: Promise<boolean>; promise(): Promise<unknown> };
        return (await output.isKnown) ? resolveDeep(await output.promise()) : pulumi.unknown;
    }
    if (value instanceof Promise) {
        return resolveDeep(await value);
    }
    if (Array.isArray(value)) {
        return Promise.all(value.map(resolveDeep));
    }
    if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value) && !pulumi.isUnknown(value)) {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveDeep(v)] as const));
        return Object.fromEntries(entries);
    }
    return value;
}

import * as pulumi from "@pulumi/pulumi";

/**
 * Property values on the analyzer wire, marshalled as the engine marshals them for
 * Analyze/Remediate/AnalyzeStack (`MarshalProperties` with KeepUnknowns and KeepSecrets, but
 * not KeepResources): unknowns become the unknown sentinel string, secrets keep their
 * signature wrapper, resource references become the resource's id (custom resources) or
 * URN (components), and undefined values are dropped.
 */

/** The string the engine sends for a value that is not known until the update runs. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

interface InternalOutput<T> {
    isKnown: Promise<boolean>;
    promise(): Promise<T>;
}

async function valueOf<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN_SENTINEL> {
    const internal = output as unknown as InternalOutput<T>;
    return (await internal.isKnown) ? internal.promise() : UNKNOWN_SENTINEL;
}

/** Converts a recorded property value into plain JSON the analyzer accepts. */
export async function toWire(value: unknown): Promise<unknown> {
    if (value === undefined) {
        return undefined;
    }
    if (pulumi.isUnknown(value)) {
        return UNKNOWN_SENTINEL;
    }
    if (pulumi.Output.isInstance(value)) {
        return toWire(await valueOf(value));
    }
    if (pulumi.CustomResource.isInstance(value)) {
        return toWire(await valueOf(value.id));
    }
    if (pulumi.Resource.isInstance(value)) {
        return toWire(await valueOf(value.urn));
    }
    if (Array.isArray(value)) {
        return Promise.all(value.map(async (element) => (await toWire(element)) ?? null));
    }
    if (value !== null && typeof value === "object") {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await toWire(v)] as const));
        return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    return value;
}

/** Marshals a property map; see {@link toWire}. */
export async function propertiesToWire(properties: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    return (await toWire(properties)) as Record<string, unknown>;
}


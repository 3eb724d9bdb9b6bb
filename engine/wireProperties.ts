/**
 * Property values on the analyzer wire, marshalled as the engine marshals them for
 * Analyze/Remediate/AnalyzeStack (`MarshalProperties` with KeepUnknowns and KeepSecrets, but
 * not KeepResources): unknowns become the unknown sentinel string, secrets keep their
 * signature wrapper, resource references become the resource's id (custom resources) or
 * URN (components), and undefined values are dropped.
 *
 * A plan's graph holds its properties in this form (the program runs in a process of its own
 * and hands them over as JSON), so the SDK's classes are recognised here by the flags the SDK
 * itself checks (`__pulumiOutput`, …) rather than by importing the SDK: the plan CLI never
 * has to load it.
 */

/** The string the engine sends for a value that is not known until the update runs. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How reports show a value that is only known once the stack is deployed (`pulumi preview`'s wording). */
export const KNOWN_AFTER_DEPLOY = "(known after deploy)";

/** The key and value of the signature that wraps a secret: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }` (the SDK's `specialSigKey`, `specialSecretSig`). */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True for a secret in its signature wrapper, as recorded inputs and registered outputs carry it. */
export function isSecretValue(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG;
}

/** A secret's plain value (a value that is not a secret as it is). */
export function unwrapSecret(value: unknown): unknown {
    return isSecretValue(value) ? value.value : value;
}

/** True for a wire-form value that is not known until the update runs. */
export function isUnknown(value: unknown): value is typeof UNKNOWN_SENTINEL {
    return value === UNKNOWN_SENTINEL;
}

interface SdkOutput {
    isKnown: Promise<boolean>;
    promise(): Promise<unknown>;
}

function hasFlag(value: unknown, flag: string): boolean {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[flag] === true;
}

/** True for the SDK's `pulumi.unknown` (what a preview hands the mocks for a value not known yet). */
export function isSdkUnknown(value: unknown): boolean {
    return hasFlag(value, "__pulumiUnknown");
}

/** True for an SDK resource object (a resource reference deserialized in-process). */
export function isSdkResource(value: unknown): boolean {
    return hasFlag(value, "__pulumiResource");
}

async function valueOf(output: SdkOutput): Promise<unknown> {
    return (await output.isKnown) ? output.promise() : UNKNOWN_SENTINEL;
}

/** Converts a recorded property value into plain JSON the analyzer accepts. */
export async function toWire(value: unknown): Promise<unknown> {
    if (value === undefined) {
        return undefined;
    }
    if (isSdkUnknown(value)) {
        return UNKNOWN_SENTINEL;
    }
    if (hasFlag(value, "__pulumiOutput")) {
        return toWire(await valueOf(value as SdkOutput));
    }
    if (hasFlag(value, "__pulumiCustomResource")) {
        return toWire(await valueOf((value as { id: SdkOutput }).id));
    }
    if (isSdkResource(value)) {
        return toWire(await valueOf((value as { urn: SdkOutput }).urn));
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

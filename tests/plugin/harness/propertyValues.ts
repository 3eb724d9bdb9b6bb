import { specialOutputValueSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

/**
 * Property values as the engine puts them in a ConstructRequest's `inputs` Struct
 * (`MarshalProperties` with KeepUnknowns, KeepSecrets, KeepResources and, since the Node.js
 * provider's Configure answers acceptOutputs, KeepOutputValues): plain JSON for plain values,
 * and objects tagged with the SDK's signature key for the rest. Another language's program
 * reaches the provider only through this encoding.
 */

/** A value not known until the update runs (previews). */
export const UNKNOWN = unknownValue;

/** A secret plain value. */
export function secret(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/**
 * An Output the consuming program passed (e.g. `sg.id` in Python): its value when known, the
 * URNs of the resources it came from, and whether it is secret.
 */
export function outputValue(value: unknown, dependencies: readonly string[] = [], isSecret = false): Record<string, unknown> {
    return {
        [specialSigKey]: specialOutputValueSig,
        ...(value === undefined ? {} : { value }),
        ...(isSecret ? { secret: true } : {}),
        ...(dependencies.length === 0 ? {} : { dependencies: [...dependencies] }),
    };
}

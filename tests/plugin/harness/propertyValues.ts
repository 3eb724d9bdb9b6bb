import { specialOutputValueSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

/**
 * An Output the consuming program passed (e.g. `sg.id` in Python), as the engine puts it in a
 * ConstructRequest's `inputs` Struct: `MarshalProperties` with KeepOutputValues (the Node.js
 * provider's Configure answers acceptOutputs) writes an object tagged with the SDK's signature
 * key, holding the known value and the URNs of the resources it came from. Plain values are
 * plain JSON.
 */
export function outputValue(value: unknown, dependencies: readonly string[] = []): Record<string, unknown> {
    return {
        [specialSigKey]: specialOutputValueSig,
        value,
        ...(dependencies.length === 0 ? {} : { dependencies: [...dependencies] }),
    };
}

/**
 * Values that are not known until the update runs. In a preview the engine sends them as a
 * sentinel string; @pulumi/policy keeps the sentinel and wraps `props` in a proxy that throws
 * its UnknownValueError on reading one, which it turns into an advisory "can't run during
 * preview". These helpers look at a value without tripping the proxy, so a policy can decide
 * every rule its known values decide and leave only the rest to that advisory.
 */

// The sentinels of @pulumi/policy's proxy.ts (the engine sends the string one for every type).
const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/**
 * An own property as it is stored, without going through the proxy (it has no
 * getOwnPropertyDescriptor trap): an unknown comes back as its sentinel, an object unproxied.
 */
function peek(value: object, key: string): unknown {
    // A value of the wrong shape (null, a number) has no properties to look at.
    return typeof value === "object" && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

/** True when `value[key]` is not known until the update runs. */
export function isUnknownAt(value: object, key: string): boolean {
    return UNKNOWN_SENTINELS.has(peek(value, key));
}

/**
 * Copies an object's own properties without going through the proxy, so values still unknown
 * in preview are carried over as they are instead of aborting a remediation that does not need them.
 */
export function copyKeepingUnknowns(value: object): Record<string, unknown> {
    return Object.fromEntries(Object.keys(value).map((key) => [key, peek(value, key)]));
}

/** The values of an object or array as they are stored; unknown ones as their sentinels. */
export function valuesKeepingUnknowns(value: object): unknown[] {
    return Object.keys(value).map((key) => peek(value, key));
}

/**
 * The unknowns a check stepped around. A check first reports what its known values decide,
 * then calls `settle()`, which reads the first unknown it skipped through the proxy: the
 * proxy throws, and the policy reports "can't run during preview" for what is left undecided.
 */
export class Undecided {
    private first?: () => unknown;

    /** True when `value[key]` is unknown; the first such value is kept for {@link settle}. `value` must come from `props`. */
    unknown(value: object, key: string): boolean {
        if (!isUnknownAt(value, key)) {
            return false;
        }
        this.first ??= () => (value as Record<string, unknown>)[key];
        return true;
    }

    /** Throws @pulumi/policy's UnknownValueError when a value was unknown; returns otherwise. */
    settle(): void {
        this.first?.();
    }
}

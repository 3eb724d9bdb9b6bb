/**
 * Reads resource properties of any shape a program can send, so a policy never fails on them.
 *
 * In `pulumi preview` the provider checks the inputs before any policy sees them, but a policy
 * must still judge whatever reaches it (the offline plan has no provider, other providers are
 * laxer) without throwing, and a malformed value must not hide a violation inside it:
 * - `null` is unset, as the engine treats it;
 * - a block (object) given as a one-element list is that block: the provider's own shape for a
 *   single nested block;
 * - a list given as a single value is a list of that value (`dnsRecords: { type: "SRV", ttl: 600 }`
 *   is still a 600 s record), and null entries of a list are skipped;
 * - scalars are read as the provider decodes them: a number where text is expected is its digits,
 *   decimal text where a number is expected is that number, "true"/"false" where a flag is expected
 *   is that flag. Anything else (NaN, an object where text is expected, ...) is unreadable: the
 *   rules that need it pass over it, and the provider rejects it.
 *
 * These read values obtained through `props`, so an unknown value still throws @pulumi/policy's
 * UnknownValueError on the way in (see unknowns.ts): never pass them a value read with `peek`.
 */

/** A nested block as the policies read it: its fields are still to be read with these functions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Block = Record<string, any>;

/** True for `undefined` and `null`, which the engine treats alike. */
export function isUnset(value: unknown): value is null | undefined {
    return value === undefined || value === null;
}

function isObject(value: unknown): value is Block {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A block; a one-element list of one; undefined when unset or not a block. */
export function asBlock(value: unknown): Block | undefined {
    if (Array.isArray(value)) {
        return value.length === 1 ? asBlock(value[0]) : undefined;
    }
    return isObject(value) ? value : undefined;
}

/** The set entries of a list; a single value stands for a list of it; empty when unset. */
export function asList(value: unknown): unknown[] {
    if (isUnset(value)) {
        return [];
    }
    // Array.from reads each entry through the proxy, so an unknown entry still throws.
    return (Array.isArray(value) ? Array.from(value as unknown[]) : [value]).filter((entry) => !isUnset(entry));
}

/** The blocks of a list of blocks; entries that are not blocks are skipped. */
export function asBlocks(value: unknown): Block[] {
    return asList(value).filter(isObject);
}

/** Text; a finite number or a flag as the provider turns it into text; otherwise undefined. */
export function asString(value: unknown): string | undefined {
    if (typeof value === "string") {
        return value;
    }
    return (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean" ? String(value) : undefined;
}

const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A finite number; decimal text as that number; otherwise undefined. */
export function asNumber(value: unknown): number | undefined {
    const number = typeof value === "number" ? value : typeof value === "string" && DECIMAL.test(value) ? Number(value) : undefined;
    return number !== undefined && Number.isFinite(number) ? number : undefined;
}

/**
 * For a rule that judges a value of any type and describes it: text as the provider decodes it
 * ({@link asString}), undefined when unset, and any other value (NaN, an object) as it is.
 */
export function asStringForRule(value: unknown): unknown {
    return isUnset(value) ? undefined : asString(value) ?? value;
}

/** The same for a number: decimal text as that number ({@link asNumber}), undefined when unset, any other value as it is. */
export function asNumberForRule(value: unknown): unknown {
    return isUnset(value) ? undefined : asNumber(value) ?? value;
}

/** A flag; "true"/"false" as that flag; otherwise undefined. */
export function asBoolean(value: unknown): boolean | undefined {
    if (typeof value === "boolean") {
        return value;
    }
    return value === "true" ? true : value === "false" ? false : undefined;
}

/** The text of each entry of a list of text (a single text stands for a list of it); unreadable entries are skipped. */
export function asStrings(value: unknown): string[] {
    return asList(value).map(asString).filter((s): s is string => s !== undefined);
}

/**
 * A JSON document given as text (parsed) or already as a value (a program may pass an object);
 * undefined when unset or when the text is not JSON, which the provider rejects with its own message.
 */
export function asJson(value: unknown): unknown {
    if (typeof value !== "string") {
        return isUnset(value) ? undefined : value;
    }
    try {
        return JSON.parse(value);
    } catch (error) {
        if (error instanceof SyntaxError) {
            return undefined;
        }
        throw error;
    }
}

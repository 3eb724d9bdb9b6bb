import { isSdkResource, isSdkUnknown, isSecretValue, unwrapSecret, UNKNOWN_SENTINEL } from "../../wireProperties";

/** A secret's plain value, for computations that never print it (e.g. parsing a policy document). */
export { unwrapSecret };

/**
 * How the reports show values they must not or cannot print. Secret values are never shown
 * (as `pulumi preview` shows them without --show-secrets); values a preview does not know
 * yet are marked as such, never as empty.
 */
export const SECRET_MARK = "[secret]";
export const UNKNOWN_MARK = "[unknown]";

/** Whether a value may be shown as it is. */
export type Disclosure = "plain" | "secret" | "unknown";

// Recognised by the SDK's own markers (wireProperties.ts), so the plan's process need not load the SDK.

/** A Pulumi secret as recorded inputs and registered outputs carry it: the SDK's signature wrapper. */
export function isSecret(value: unknown): boolean {
    return isSecretValue(value);
}

/** A value not known until deploy: the SDK's unknown, or the engine's wire sentinel. */
export function isUnknown(value: unknown): boolean {
    return isSdkUnknown(value) || value === UNKNOWN_SENTINEL;
}

/** The disclosure of a value as a whole. */
export function disclosureOf(value: unknown): Disclosure {
    return isSecret(value) ? "secret" : isUnknown(value) ? "unknown" : "plain";
}

/**
 * The value with every secret replaced by SECRET_MARK and every unknown by UNKNOWN_MARK, at any
 * depth, as plain JSON. A resource reference becomes its URN when the recording has it.
 */
export function masked(value: unknown): unknown {
    if (isSecret(value)) {
        return SECRET_MARK;
    }
    if (isUnknown(value)) {
        return UNKNOWN_MARK;
    }
    if (Array.isArray(value)) {
        return value.map(masked);
    }
    if (isSdkResource(value)) {
        return "[resource]";
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, masked(v)]));
    }
    return value;
}

/** True when a value not known until deploy is anywhere inside the value. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    const inner = unwrapSecret(value);
    return inner !== null && typeof inner === "object" && !isSdkResource(inner) && Object.values(inner).some(containsUnknown);
}

/** A plain object, or {} for anything else (unknowns, secrets, arrays, scalars). */
export function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !isSecret(value) && !isUnknown(value)
        ? (value as Record<string, unknown>)
        : {};
}

/** An array, or [] for anything else. */
export function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

/** Every string inside a value (one string, or strings in arrays and objects), secrets unwrapped. */
export function stringsIn(value: unknown): string[] {
    if (typeof value === "string") {
        return isUnknown(value) ? [] : [value];
    }
    if (isSecret(value)) {
        return stringsIn(unwrapSecret(value));
    }
    if (Array.isArray(value)) {
        return value.flatMap(stringsIn);
    }
    return value !== null && typeof value === "object" && !isUnknown(value) ? Object.values(value).flatMap(stringsIn) : [];
}


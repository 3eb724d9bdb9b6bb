/**
 * Copies an object's own properties without going through @pulumi/policy's unknown-checking
 * proxy (it has no getOwnPropertyDescriptor trap), so values still unknown in preview are
 * carried over as they are instead of aborting a remediation that does not need them.
 */
export function copyKeepingUnknowns(value: object): Record<string, unknown> {
    return Object.fromEntries(Object.keys(value).map((key) => [key, Object.getOwnPropertyDescriptor(value, key)?.value]));
}

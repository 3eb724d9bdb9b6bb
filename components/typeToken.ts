/** The Pulumi package name of these components; also the first part of every type token. */
export const PACKAGE_NAME = "cloudmap-discovery";

/** `<pkg>:index:<Type>`, the form multi-language component packages require. */
export function typeToken(typeName: string): string {
    return `${PACKAGE_NAME}:index:${typeName}`;
}

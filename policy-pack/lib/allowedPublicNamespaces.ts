import { checkNamespaceExposure, Finding } from "../../components/rules";
import { ClosedConfigSchema, closedConfigSchema } from "./closedConfig";
import { configWithDefaults } from "./config";

/**
 * Config of the two public-namespace policies. It is shared code, not shared config: the engine
 * configures each policy on its own, so a namespace meant to be public is allow-listed in both
 * (aws-cloudmap-namespace-disallow-public and aws-cloudmap-namespace-no-exposed-services).
 */
export interface PublicNamespaceConfig {
    allowedPublicNamespaces: string[];
}

export const PUBLIC_NAMESPACE_DEFAULTS: PublicNamespaceConfig = { allowedPublicNamespaces: [] };

export const PUBLIC_NAMESPACE_SCHEMA: ClosedConfigSchema = closedConfigSchema({
    allowedPublicNamespaces: {
        type: "array",
        items: { type: "string" },
        default: PUBLIC_NAMESPACE_DEFAULTS.allowedPublicNamespaces,
        description: "Public DNS namespace names (e.g. \"api.example.com\") that are meant to be public; compared case-insensitively, with or without a trailing dot.",
    },
});

/** Flags the public namespace `name` unless the policy's allow-list names it (compared as DNS names). */
export function checkPublicNamespace(args: Parameters<typeof configWithDefaults>[0], name: string | undefined): Finding[] {
    const { allowedPublicNamespaces } = configWithDefaults(args, PUBLIC_NAMESPACE_DEFAULTS);
    return checkNamespaceExposure(true, name, allowedPublicNamespaces);
}

import { PolicyConfigSchema } from "@pulumi/policy";

/** Config shared by the two public-namespace policies, so one allow-list entry covers both. */
export interface PublicNamespaceConfig {
    allowedPublicNamespaces: string[];
}

export const PUBLIC_NAMESPACE_DEFAULTS: PublicNamespaceConfig = { allowedPublicNamespaces: [] };

export const PUBLIC_NAMESPACE_SCHEMA: PolicyConfigSchema = {
    properties: {
        allowedPublicNamespaces: {
            type: "array",
            items: { type: "string" },
            default: PUBLIC_NAMESPACE_DEFAULTS.allowedPublicNamespaces,
            description: "Public DNS namespace names (e.g. \"api.example.com\") that are meant to be public.",
        },
    },
};

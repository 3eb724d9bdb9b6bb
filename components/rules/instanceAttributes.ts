import { at, Finding } from "./finding";

// Limits from the Cloud Map RegisterInstance API reference:
// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html
export const MAX_CUSTOM_ATTRIBUTES = 30;
export const MAX_ATTRIBUTE_KEY_LENGTH = 255;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 1024;
export const MAX_ATTRIBUTES_TOTAL_LENGTH = 5000;
const MAX_INSTANCE_ID_LENGTH = 64;
const INSTANCE_ID = /^[0-9a-zA-Z_/:.@-]+$/;
const KEY = /^[a-zA-Z0-9!-~]+$/;
const VALUE = /^([a-zA-Z0-9!-~][ a-zA-Z0-9!-~]*)?[a-zA-Z0-9!-~]?$/;

/** Attributes AWS reserves; they describe IP, alias or EC2 instances. */
export const RESERVED_ATTRIBUTES = new Set([
    "AWS_ALIAS_DNS_NAME",
    "AWS_EC2_INSTANCE_ID",
    "AWS_INIT_HEALTH_STATUS",
    "AWS_INSTANCE_CNAME",
    "AWS_INSTANCE_IPV4",
    "AWS_INSTANCE_IPV6",
    "AWS_INSTANCE_PORT",
]);

/** True for keys that only make sense for an instance with an address (`AWS_INSTANCE_*` and friends). */
function isAddressAttribute(key: string): boolean {
    return key.startsWith("AWS_INSTANCE_") || key === "AWS_ALIAS_DNS_NAME" || key === "AWS_EC2_INSTANCE_ID";
}

/** Checks a Cloud Map instance id (RegisterInstance `InstanceId`). */
export function checkInstanceId(instanceId: string, path = "instanceId"): Finding[] {
    if (instanceId.length === 0 || instanceId.length > MAX_INSTANCE_ID_LENGTH || !INSTANCE_ID.test(instanceId)) {
        return [{
            rule: "cloudmap-instance-id",
            path,
            message: `"${instanceId}" is not a valid instance id: 1-${MAX_INSTANCE_ID_LENGTH} characters of letters, ` +
                "digits and _ / : . @ -.",
            fix: 'Use a short id such as "user-auth-table".',
        }];
    }
    return [];
}

/**
 * Checks attributes against the limits RegisterInstance enforces for every instance:
 * count of custom attributes, key and value lengths and characters, total size.
 */
export function checkInstanceAttributeLimits(attributes: Readonly<Record<string, string>>, path = "attributes"): Finding[] {
    const findings: Finding[] = [];
    const entries = Object.entries(attributes);
    const custom = entries.filter(([key]) => !RESERVED_ATTRIBUTES.has(key));
    if (custom.length > MAX_CUSTOM_ATTRIBUTES) {
        findings.push({
            rule: "cloudmap-instance-attributes-count",
            path,
            message: `${custom.length} custom attributes; RegisterInstance accepts at most ${MAX_CUSTOM_ATTRIBUTES}.`,
            fix: "Drop attributes or move detail into fewer, structured values.",
        });
    }
    for (const [key, value] of entries) {
        const keyPath = at(path, key);
        if (key.length > MAX_ATTRIBUTE_KEY_LENGTH || !KEY.test(key)) {
            findings.push({
                rule: "cloudmap-instance-attribute-key",
                path: keyPath,
                message: `Attribute key of ${key.length} characters; keys are 1-${MAX_ATTRIBUTE_KEY_LENGTH} printable ASCII characters without spaces.`,
                fix: "Use a short key such as tablename.",
            });
        }
        if (typeof value !== "string" || value.length > MAX_ATTRIBUTE_VALUE_LENGTH || !VALUE.test(value)) {
            findings.push({
                rule: "cloudmap-instance-attribute-value",
                path: keyPath,
                message: `The value is not 0-${MAX_ATTRIBUTE_VALUE_LENGTH} printable ASCII characters ` +
                    `(got ${typeof value === "string" ? `${value.length} characters` : typeof value}).`,
                fix: "Shorten the value, or store a reference (an ARN or a name) instead of the data.",
            });
        }
    }
    const total = entries.reduce((sum, [key, value]) => sum + key.length + String(value).length, 0);
    if (total > MAX_ATTRIBUTES_TOTAL_LENGTH) {
        findings.push({
            rule: "cloudmap-instance-attributes-total",
            path,
            message: `Keys and values add up to ${total} characters; RegisterInstance accepts at most ${MAX_ATTRIBUTES_TOTAL_LENGTH}.`,
            fix: "Shorten values or drop attributes.",
        });
    }
    return findings;
}

/**
 * Conventions for a resource without an address (a table, a queue) registered in an
 * API-only service: consumers learn everything from its custom attributes, so it needs at
 * least one, and address attributes (`AWS_INSTANCE_*`, alias, EC2 id) would describe
 * something it is not. AWS itself accepts both; these keep non-IP registrations honest.
 */
export function checkNonIpInstanceAttributes(attributes: Readonly<Record<string, string>>, path = "attributes"): Finding[] {
    const findings: Finding[] = [];
    const keys = Object.keys(attributes);
    if (keys.filter((key) => !RESERVED_ATTRIBUTES.has(key)).length === 0) {
        findings.push({
            rule: "cloudmap-instance-attributes-required",
            path,
            message: "A non-IP instance is only useful through its custom attributes, and it has none.",
            fix: 'Add attributes that tell consumers how to reach it, e.g. { tablename: "UserAuth" }.',
        });
    }
    for (const key of keys.filter(isAddressAttribute)) {
        findings.push({
            rule: "cloudmap-instance-reserved-attribute",
            path: at(path, key),
            message: `${key} describes an IP or alias instance; a non-IP resource registered for DiscoverInstances is not one.`,
            fix: `Remove ${key}, or register the resource in a DNS service instead.`,
        });
    }
    return findings;
}

import { isIPv4, isIPv6 } from "node:net";
import { Finding } from "./finding";
import { keyPath } from "./paths";
import { describeValue, entriesOf, isRecord, kindOf } from "./values";

// Limits from the Cloud Map RegisterInstance API reference:
// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html
// InstanceId: at most 64 characters, ^[0-9a-zA-Z_/:.@-]+$. Attributes: at most 30 custom
// attributes, keys ^[a-zA-Z0-9!-~]+$ of at most 255 characters, values
// ^([a-zA-Z0-9!-~][ \ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$ of at most 1024 (printable ASCII;
// spaces and tabs allowed after the first character, even at the end), at most 5000 characters in all.
export const MAX_CUSTOM_ATTRIBUTES = 30;
export const MAX_ATTRIBUTE_KEY_LENGTH = 255;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 1024;
export const MAX_ATTRIBUTES_TOTAL_LENGTH = 5000;
const MAX_INSTANCE_ID_LENGTH = 64;
const INSTANCE_ID = /^[0-9a-zA-Z_/:.@-]+$/;
const KEY = /^[a-zA-Z0-9!-~]+$/;
const VALUE = /^([a-zA-Z0-9!-~][ \ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$/;
const SOURCE = "Cloud Map API, RegisterInstance";

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
export function checkInstanceId(instanceId: unknown, path = "instanceId"): Finding[] {
    if (typeof instanceId === "string" && instanceId.length > 0 && instanceId.length <= MAX_INSTANCE_ID_LENGTH && INSTANCE_ID.test(instanceId)) {
        return [];
    }
    return [{
        rule: "cloudmap-instance-id",
        path,
        message: `${describeValue(instanceId)} is not a valid instance id: 1-${MAX_INSTANCE_ID_LENGTH} characters of letters, ` +
            `digits and _ / : . @ - (${SOURCE}).`,
        fix: 'Use a short id such as "user-auth-table".',
    }];
}

/**
 * Checks attributes against the limits RegisterInstance enforces for every instance:
 * count of custom attributes, key and value lengths and characters, total size.
 */
export function checkInstanceAttributeLimits(attributes: unknown, path = "attributes"): Finding[] {
    if (!isRecord(attributes)) {
        return [{
            rule: "cloudmap-instance-attribute-value",
            path,
            message: `The attributes are ${kindOf(attributes)}; an instance takes a map of attribute names to text values (${SOURCE}).`,
            fix: 'Pass an object such as { tablename: "UserAuth" }.',
        }];
    }
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
        const entryPath = keyPath(path, key);
        if (key.length > MAX_ATTRIBUTE_KEY_LENGTH || !KEY.test(key)) {
            findings.push({
                rule: "cloudmap-instance-attribute-key",
                path: entryPath,
                message: `Attribute key of ${key.length} characters; keys are 1-${MAX_ATTRIBUTE_KEY_LENGTH} printable ASCII characters without spaces (${SOURCE}).`,
                fix: "Use a short key such as tablename.",
            });
        }
        if (typeof value !== "string" || value.length > MAX_ATTRIBUTE_VALUE_LENGTH || !VALUE.test(value)) {
            findings.push({
                rule: "cloudmap-instance-attribute-value",
                path: entryPath,
                message: `The value is not 0-${MAX_ATTRIBUTE_VALUE_LENGTH} printable ASCII characters ` +
                    `(got ${typeof value === "string" ? `${value.length} characters` : kindOf(value)})` +
                    `${typeof value === "string" ? "; spaces and tabs may follow a character but not start the value" : ""} (${SOURCE}).`,
                fix: typeof value === "string"
                    ? "Shorten the value or remove leading spaces, or store a reference (an ARN or a name) instead of the data."
                    : "Pass the value as text.",
            });
        }
    }
    const total = entries.reduce((sum, [key, value]) => sum + key.length + (typeof value === "string" ? value.length : 0), 0);
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

// The values RegisterInstance documents for the attributes it reserves.
const EC2_INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
const RESERVED_VALUE_RULES: ReadonlyMap<string, { readonly accepts: (value: string) => boolean; readonly expected: string }> = new Map(Object.entries({
    AWS_INIT_HEALTH_STATUS: { accepts: (v) => v === "HEALTHY" || v === "UNHEALTHY", expected: 'exactly "HEALTHY" or "UNHEALTHY" (in capitals)' },
    AWS_INSTANCE_IPV4: { accepts: isIPv4, expected: "an IPv4 address such as 192.0.2.44" },
    AWS_INSTANCE_IPV6: { accepts: isIPv6, expected: "an IPv6 address such as 2001:db8::1" },
    AWS_INSTANCE_PORT: { accepts: (v) => /^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, expected: "a port number from 1 to 65535" },
    AWS_EC2_INSTANCE_ID: { accepts: (v) => EC2_INSTANCE_ID.test(v), expected: 'an EC2 instance id such as "i-0123456789abcdef0"' },
    AWS_INSTANCE_CNAME: { accepts: isDomainName, expected: "a domain name such as example.com" },
    AWS_ALIAS_DNS_NAME: { accepts: isDomainName, expected: "the DNS name of an Elastic Load Balancing load balancer" },
}));

function isDomainName(value: string): boolean {
    const bare = value.replace(/\.$/, "");
    return bare.length > 0 && bare.length <= 253 && bare.split(".").every((label) => /^[A-Za-z0-9_-]{1,63}$/.test(label));
}

/**
 * Checks the values of the attributes AWS defines (RegisterInstance, "Supported attribute
 * keys"): AWS_INIT_HEALTH_STATUS is HEALTHY or UNHEALTHY, the address attributes hold
 * addresses, the port a port. Custom attributes are {@link checkInstanceAttributeLimits}'.
 */
export function checkReservedAttributeValues(attributes: unknown, path = "attributes"): Finding[] {
    return entriesOf(attributes).flatMap(([key, value]) => {
        // A Map, not an object: a user's key such as "constructor" must not find Object.prototype.
        const rule = RESERVED_VALUE_RULES.get(key);
        if (rule === undefined || (typeof value === "string" && rule.accepts(value))) {
            return [];
        }
        return [{
            rule: "cloudmap-instance-reserved-attribute-value",
            path: keyPath(path, key),
            message: `${describeValue(value)} is not a value AWS accepts for ${key}: it takes ${rule.expected} (${SOURCE}).`,
            fix: `Give it ${rule.expected}, or remove it.`,
        }];
    });
}

/**
 * What a Route 53 health check needs of every instance: the port to probe
 * (AWS_INSTANCE_PORT, "required if you specified settings for ... a Route 53 health check")
 * and an address to probe it at (AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6) — RegisterInstance.
 */
export function checkRoute53HealthCheckAttributes(attributes: unknown, path = "attributes"): Finding[] {
    const keys = new Set(entriesOf(attributes).map(([key]) => key));
    const missing = [
        ...(keys.has("AWS_INSTANCE_IPV4") || keys.has("AWS_INSTANCE_IPV6") ? [] : ["IPv4 or IPv6 address"]),
        ...(keys.has("AWS_INSTANCE_PORT") ? [] : ["port"]),
    ];
    return missing.length === 0
        ? []
        : [{
            rule: "cloudmap-instance-health-check-address",
            path,
            message: `The service has a Route 53 health check, which probes every instance at its address and port; this instance has no ${missing.join(" and no ")} (${SOURCE}).`,
            fix: "Give the instance AWS_INSTANCE_IPV4 (or AWS_INSTANCE_IPV6) and AWS_INSTANCE_PORT, or register it in a service without a Route 53 health check.",
        }];
}

/**
 * A resource without an address (a table, a queue) cannot be registered in a service with a
 * Route 53 health check at all: AWS then requires an address and port for every instance
 * (see {@link checkRoute53HealthCheckAttributes}), which such a resource does not have.
 */
export function checkNonIpInstanceService(serviceHasRoute53HealthCheck: boolean, path = "service"): Finding[] {
    return serviceHasRoute53HealthCheck
        ? [{
            rule: "cloudmap-non-ip-instance-health-check",
            path,
            message: "The service has a Route 53 health check, so AWS requires an IP address and a port for every instance it registers; " +
                `a resource without an address can never be registered there (${SOURCE}).`,
            fix: "Register the resource in an API-only service without a Route 53 health check.",
        }]
        : [];
}

/**
 * Conventions for a resource without an address (a table, a queue) registered in an
 * API-only service: consumers learn everything from its custom attributes, so it needs at
 * least one, and address attributes (`AWS_INSTANCE_*`, alias, EC2 id) would describe
 * something it is not. AWS itself accepts both; these keep non-IP registrations honest.
 */
export function checkNonIpInstanceAttributes(attributes: unknown, path = "attributes"): Finding[] {
    const findings: Finding[] = [];
    const keys = entriesOf(attributes).map(([key]) => key);
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
            path: keyPath(path, key),
            message: `${key} describes an IP or alias instance; a non-IP resource registered for DiscoverInstances is not one.`,
            fix: `Remove ${key}, or register the resource in a DNS service instead.`,
        });
    }
    return findings;
}

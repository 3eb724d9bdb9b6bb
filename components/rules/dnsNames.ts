import { Finding } from "./finding";

// RFC 1035 §2.3.4 and Route 53's hosted-zone rules: a name is at most 253 characters
// (without the trailing dot) made of labels of 1–63 letters, digits or hyphens that
// neither start nor end with a hyphen.
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_DNS_NAME = 253;

// Cloud Map CreateService `Name`: labels may also contain underscores (for `_http._tcp`
// style SRV names) and the whole name is at most 127 characters.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html
const SERVICE_LABEL = /^([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)$/i;
const MAX_SERVICE_NAME = 127;

/** Checks that a namespace name is a DNS domain name Route 53 can host, e.g. `quickship.local`. */
export function checkNamespaceName(name: string, path = "name"): Finding[] {
    const rule = "cloudmap-namespace-dns-name";
    const bare = name.endsWith(".") ? name.slice(0, -1) : name;
    if (bare.length === 0) {
        return [{ rule, path, message: "The namespace name is empty.", fix: 'Use a DNS domain such as "quickship.local".' }];
    }
    if (bare.length > MAX_DNS_NAME) {
        return [{
            rule, path,
            message: `"${name}" is ${bare.length} characters long; a DNS name is at most ${MAX_DNS_NAME}.`,
            fix: "Use a shorter domain name.",
        }];
    }
    const bad = bare.split(".").filter((label) => !DNS_LABEL.test(label));
    if (bad.length > 0) {
        return [{
            rule, path,
            message: `"${name}" is not a DNS name: label(s) ${bad.map((l) => JSON.stringify(l)).join(", ")} must be ` +
                "1-63 letters, digits or hyphens, not starting or ending with a hyphen.",
            fix: 'Use a DNS domain such as "quickship.local".',
        }];
    }
    return [];
}

/**
 * Checks a Cloud Map service name, and — when the namespace name is known — that the
 * record name `<service>.<namespace>` still fits in a DNS name.
 */
export function checkServiceName(name: string, namespaceName?: string, path = "name"): Finding[] {
    const rule = "cloudmap-service-name";
    if (name.length === 0 || name.length > MAX_SERVICE_NAME) {
        return [{
            rule, path,
            message: `The service name must be 1-${MAX_SERVICE_NAME} characters; "${name}" has ${name.length}.`,
            fix: 'Use a short DNS label such as "inventory-manager".',
        }];
    }
    const bad = name.split(".").filter((label) => !SERVICE_LABEL.test(label));
    if (bad.length > 0) {
        return [{
            rule, path,
            message: `"${name}" is not a valid Cloud Map service name: label(s) ${bad.map((l) => JSON.stringify(l)).join(", ")} ` +
                "must be 1-63 letters, digits, hyphens or underscores, not starting or ending with a hyphen.",
            fix: 'Use a DNS label such as "inventory-manager".',
        }];
    }
    if (namespaceName !== undefined && name.length + 1 + namespaceName.length > MAX_DNS_NAME) {
        return [{
            rule, path,
            message: `"${name}.${namespaceName}" is longer than ${MAX_DNS_NAME} characters, so Route 53 cannot serve it.`,
            fix: "Shorten the service or the namespace name.",
        }];
    }
    return [];
}

import { NamespaceKind } from "./cloudMapShapes";
import { Finding } from "./finding";
import { checkHttpNamespaceName } from "./httpNamespaceName";
import { describeValue, kindOf } from "./values";

// The name of a private or public DNS namespace becomes a Route 53 hosted zone of the same name:
// - https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html (and
//   API_CreatePublicDnsNamespace): Name, maximum length 253, pattern ^[!-~]{1,253}$;
// - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html: labels of
//   at most 63 characters; a-z, 0-9, hyphen and underscore are used as they are, in any
//   position; every other printable character is stored as an escape code (\ddd).
// Underscores and leading or trailing hyphens are therefore accepted (`_tcp.local`,
// `my_ns.local`, `-edge-.local`). Characters Route 53 would escape are refused as a deliberate
// default: a name holding them is not one that resolvers and SDKs in the tasks look up as written.
// (Within that alphabet, AWS's ^[!-~]{1,253}$ is the length check below.)
const MAX_DNS_NAME = 253;
const DNS_LABEL = /^[A-Za-z0-9_-]{1,63}$/;

// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html: Name, pattern
// ((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\.$)
// — used exactly: labels of letters, digits, hyphens and underscores that neither start nor
// end with a hyphen, a one-character label a letter or digit (so "_" alone is refused),
// 127 characters in all, or the single name ".".
const SERVICE_LABEL_SOURCE = "([a-zA-Z0-9_][a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])";
const SERVICE_NAME = new RegExp(`((?=^.{1,127}$)^${SERVICE_LABEL_SOURCE}(\\.${SERVICE_LABEL_SOURCE})*$)|(^\\.$)`);
const SERVICE_LABEL = new RegExp(`^${SERVICE_LABEL_SOURCE}$`);
const MAX_SERVICE_NAME = 127;

/**
 * Checks a namespace name: for DNS namespaces (the default) a domain Route 53 can host,
 * e.g. `quickship.local`, with or without the trailing dot; for HTTP namespaces
 * {@link checkHttpNamespaceName}'s printable name (no hosted zone, so no DNS label rules).
 */
export function checkNamespaceName(name: unknown, path = "name", kind: NamespaceKind = "private-dns"): Finding[] {
    const rule = "cloudmap-namespace-dns-name";
    if (typeof name !== "string") {
        return [{ rule, path, message: `The namespace name is ${kindOf(name)}; it must be text.`, fix: 'Use a DNS domain such as "quickship.local".' }];
    }
    if (kind === "http") {
        return checkHttpNamespaceName(name, path);
    }
    const bare = name.endsWith(".") ? name.slice(0, -1) : name;
    if (bare.length === 0) {
        return [{ rule, path, message: "The namespace name is empty.", fix: 'Use a DNS domain such as "quickship.local".' }];
    }
    if (bare.length > MAX_DNS_NAME) {
        return [{
            rule, path,
            message: `${describeValue(name)} is ${bare.length} characters long; a DNS name is at most ${MAX_DNS_NAME} (Cloud Map API, CreatePrivateDnsNamespace).`,
            fix: "Use a shorter domain name.",
        }];
    }
    const bad = bare.split(".").filter((label) => !DNS_LABEL.test(label));
    if (bad.length > 0) {
        return [{
            rule, path,
            message: `${describeValue(name)} is not a DNS name: label(s) ${bad.map((l) => describeValue(l)).join(", ")} must be ` +
                "1-63 letters, digits, hyphens or underscores (Route 53, DNS domain name format).",
            fix: 'Use a DNS domain such as "quickship.local".',
        }];
    }
    return [];
}

/**
 * Checks a Cloud Map service name against CreateService's pattern and — when the service
 * publishes DNS records in a namespace of that name — that the record name
 * `<service>.<namespace>` still fits in a DNS name. Leave `namespaceName` out for an API-only
 * service: it publishes no DNS name, so the DNS length limit does not apply to it.
 */
export function checkServiceName(name: unknown, namespaceName?: string, path = "name"): Finding[] {
    const rule = "cloudmap-service-name";
    if (typeof name !== "string") {
        return [{ rule, path, message: `The service name is ${kindOf(name)}; it must be text.`, fix: 'Use a DNS label such as "inventory-manager".' }];
    }
    if (!SERVICE_NAME.test(name)) {
        const tooLong = name.length > MAX_SERVICE_NAME;
        const bad = name.split(".").filter((label) => !SERVICE_LABEL.test(label));
        return [{
            rule, path,
            message: `${describeValue(name)} is not a valid Cloud Map service name: ` +
                (tooLong
                    ? `it has ${name.length} characters, and a service name has at most ${MAX_SERVICE_NAME}`
                    : `label(s) ${bad.map((l) => describeValue(l)).join(", ")} must be 1-63 letters, digits, hyphens or underscores, ` +
                        "not starting or ending with a hyphen, and a one-character label must be a letter or digit") +
                " (Cloud Map API, CreateService).",
            fix: 'Use a DNS label such as "inventory-manager" (SRV-style names such as "_http._tcp" are fine).',
        }];
    }
    if (namespaceName !== undefined && name.length + 1 + namespaceName.length > MAX_DNS_NAME) {
        return [{
            rule, path,
            message: `"${name}.${namespaceName}" is longer than ${MAX_DNS_NAME} characters, so Route 53 cannot serve it.`,
            fix: "Shorten the service or the namespace name, or make the service API-only (it then publishes no DNS name).",
        }];
    }
    return [];
}

import { Finding } from "./finding";
import { checkBoolean } from "./values";

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** A single ingress permission, reduced to where it admits traffic from. */
export interface IngressShape {
    readonly cidrs: readonly string[];
    readonly fromPort?: number;
    readonly toPort?: number;
    readonly path: string;
}

/** Flags ingress open to the whole internet. Discoverable services are reached by security-group reference. */
export function findOpenIngress(ingress: readonly IngressShape[]): Finding[] {
    return ingress
        .filter((rule) => rule.cidrs.some((cidr) => ANYWHERE.has(cidr)))
        .map((rule) => ({
            rule: "network-no-public-ingress",
            path: rule.path,
            message: `Ingress${rule.fromPort !== undefined ? ` on port ${rule.fromPort}${rule.toPort !== rule.fromPort ? `-${rule.toPort}` : ""}` : ""} ` +
                `is open to ${rule.cidrs.filter((c) => ANYWHERE.has(c)).join(" and ")}; an internal service must not be reachable from anywhere.`,
            fix: "Admit the callers' security groups instead of a CIDR range.",
        }));
}

/** Flags a public IP on a task that is only meant to be found inside the VPC (and a setting that is not a boolean). */
export function checkNoPublicIp(assignPublicIp: unknown, path = "networkConfiguration.assignPublicIp"): Finding[] {
    if (assignPublicIp !== undefined && typeof assignPublicIp !== "boolean") {
        return checkBoolean(assignPublicIp, path);
    }
    return assignPublicIp === true
        ? [{
            rule: "ecs-no-public-ip",
            path,
            message: "Tasks get a public IP although callers find them by name inside the VPC (a private namespace or Service Connect): a public address exposes them beyond it.",
            fix: "Turn the public IP off and run the tasks in private subnets with a NAT gateway or VPC endpoints.",
        }]
        : [];
}

/** A DNS name as DNS compares it: case-insensitive, the same with or without the trailing dot. */
function dnsName(name: string): string {
    return name.toLowerCase().replace(/\.$/, "");
}

/**
 * Flags a public DNS namespace unless its name is explicitly allowed. Names are compared as
 * DNS compares them, so "API.example.com." in the list allows "api.example.com".
 */
export function checkNamespaceExposure(isPublic: boolean, name: string | undefined, allowedPublicNamespaces: readonly string[], path = "name"): Finding[] {
    if (!isPublic || (name !== undefined && allowedPublicNamespaces.map(dnsName).includes(dnsName(name)))) {
        return [];
    }
    return [{
        rule: "cloudmap-namespace-public",
        path,
        message: `Public DNS namespace "${name ?? "(unknown)"}" publishes internal service addresses to the internet.`,
        fix: "Use a private DNS namespace, or allow-list the name in the policy configuration if it is meant to be public.",
    }];
}

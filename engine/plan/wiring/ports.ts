/**
 * Protocols and port ranges of security-group rules. EC2 takes a protocol name (tcp, udp, icmp,
 * icmpv6), an IANA protocol number, or -1 for all traffic, in which case the ports are ignored;
 * for ICMP the "ports" are the ICMP type and code, -1 meaning any (EC2 API reference,
 * IpPermission: IpProtocol, FromPort, ToPort).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */

/** What a rule admits: a protocol and, for TCP/UDP, a port range; for ICMP, a type and code. */
export interface Traffic {
    /** "all", "tcp", "udp", "icmp", "icmpv6", or an IANA protocol number as a string. */
    readonly protocol: string;
    /** TCP/UDP: first and last port. ICMP: type and code (-1 = any). Absent: every port. */
    readonly from?: number;
    readonly to?: number;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

/** Reads a rule's protocol and ports as EC2 interprets them; undefined when the protocol is not known yet. */
export function trafficOf(protocol: unknown, fromPort: unknown, toPort: unknown): Traffic | undefined {
    if (typeof protocol !== "string" && typeof protocol !== "number") {
        return undefined;
    }
    const name = PROTOCOL_NAMES[String(protocol).toLowerCase()] ?? String(protocol).toLowerCase();
    if (name === "all") {
        return { protocol: "all" };
    }
    const from = typeof fromPort === "number" ? fromPort : undefined;
    const to = typeof toPort === "number" ? toPort : undefined;
    if (name === "tcp" || name === "udp") {
        // 0-65535 (or -1, which some tools write) is every port.
        const everyPort = from === undefined || to === undefined || (from <= 0 && to >= 65535) || (from === -1 && to === -1);
        return everyPort ? { protocol: name } : { protocol: name, from, to };
    }
    if (name === "icmp" || name === "icmpv6") {
        return { protocol: name, from: from ?? -1, to: to ?? -1 };
    }
    return { protocol: name };
}

/** What both rules admit, or undefined when they share nothing. */
export function intersect(a: Traffic, b: Traffic): Traffic | undefined {
    if (a.protocol === "all") {
        return b;
    }
    if (b.protocol === "all") {
        return a;
    }
    if (a.protocol !== b.protocol) {
        return undefined;
    }
    if (a.protocol === "icmp" || a.protocol === "icmpv6") {
        const type = anyOrSame(a.from ?? -1, b.from ?? -1);
        const code = anyOrSame(a.to ?? -1, b.to ?? -1);
        return type === undefined || code === undefined ? undefined : { protocol: a.protocol, from: type, to: code };
    }
    if (a.from === undefined || b.from === undefined) {
        return a.from === undefined ? b : a;
    }
    const from = Math.max(a.from, b.from);
    const to = Math.min(a.to ?? 65535, b.to ?? 65535);
    return from > to ? undefined : { protocol: a.protocol, from, to };
}

// ICMP types and codes are single values or -1 (any).
function anyOrSame(a: number, b: number): number | undefined {
    return a === -1 ? b : b === -1 || a === b ? a : undefined;
}

/** `80/tcp`, `8000-8099/tcp`, `all ports/udp`, `icmp type 8`, `all traffic`. */
export function describeTraffic(traffic: Traffic): string {
    switch (traffic.protocol) {
        case "all":
            return "all traffic";
        case "tcp":
        case "udp":
            return traffic.from === undefined ? `all ports/${traffic.protocol}` :
                traffic.from === traffic.to ? `${traffic.from}/${traffic.protocol}` : `${traffic.from}-${traffic.to}/${traffic.protocol}`;
        case "icmp":
        case "icmpv6":
            return traffic.from === undefined || traffic.from === -1 ? traffic.protocol :
                `${traffic.protocol} type ${traffic.from}${traffic.to !== undefined && traffic.to !== -1 ? ` code ${traffic.to}` : ""}`;
        default:
            return `protocol ${traffic.protocol}`;
    }
}

/** True when `traffic` admits everything `other` does. */
export function covers(traffic: Traffic, other: Traffic): boolean {
    const both = intersect(traffic, other);
    return both !== undefined && both.protocol === other.protocol && both.from === other.from && both.to === other.to;
}

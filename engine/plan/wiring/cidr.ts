import { isIPv4 } from "net";

/** An IPv4 CIDR block as a 32-bit network address and prefix length. */
interface Block {
    readonly network: number;
    readonly prefix: number;
}

function parse(cidr: string): Block | undefined {
    const [address, prefixText] = cidr.split("/");
    const prefix = Number(prefixText);
    if (!isIPv4(address) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
        return undefined;
    }
    const value = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    return { network: prefix === 0 ? 0 : Math.floor(value / 2 ** (32 - prefix)), prefix };
}

/**
 * True when every address of the IPv4 block `inner` lies in `outer`. CIDR blocks are aligned,
 * so that holds when `outer` is no longer than `inner` and both agree on `outer`'s prefix bits.
 * Anything that is not an IPv4 block (IPv6, a malformed value) contains nothing.
 */
export function cidrContains(outer: string, inner: string): boolean {
    const o = parse(outer);
    const i = parse(inner);
    if (o === undefined || i === undefined || o.prefix > i.prefix) {
        return false;
    }
    return Math.floor(i.network / 2 ** (i.prefix - o.prefix)) === o.network;
}

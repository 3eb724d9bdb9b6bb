import * as dgram from "dgram";
import * as dnsPacket from "dns-packet";
import * as net from "net";
import { answerQuery, formatErrorFor } from "./dnsAnswers";
import { bindUdp, listenTcp, LOOPBACK, PortUnavailableError } from "./listen";
import { Registry } from "./registry";

/** A DNS server on LOOPBACK, UDP and TCP on one port. */
export interface DnsServer {
    readonly port: number;
    /** `127.0.0.1:<port>`, the form `dns.Resolver#setServers` takes. */
    readonly address: string;
    close(): Promise<void>;
}

// A TCP client that sends nothing for this long is dropped (RFC 7766 §6.2.3 suggests seconds).
const TCP_IDLE_MS = 10_000;
// With port 0, the UDP port chosen may be taken for TCP; a few tries find a port free for both.
const FREE_PORT_TRIES = 5;

/**
 * Serves DNS for the registry's namespaces. The wire format is dns-packet's (maintained, pure
 * JavaScript, used by multicast-dns and many DNS servers), so this file only moves bytes.
 */
export async function startDnsServer(registry: Registry, port: number, log: (message: string) => void): Promise<DnsServer> {
    for (let attempt = 1; ; attempt++) {
        const udp = dgram.createSocket("udp4");
        const tcp = net.createServer();
        const sockets = new Set<net.Socket>();
        const boundPort = await bindUdp(udp, port, "DNS");
        try {
            await listenTcp(tcp, boundPort, "DNS");
        } catch (err) {
            await new Promise<void>((resolve) => udp.close(() => resolve()));
            if (port === 0 && err instanceof PortUnavailableError && attempt < FREE_PORT_TRIES) {
                continue;
            }
            throw err;
        }
        udp.on("message", (message, remote) => {
            const reply = replyTo(registry, message, "udp", log);
            if (reply !== undefined) {
                udp.send(reply, remote.port, remote.address);
            }
        });
        udp.on("error", (err) => log(`DNS (UDP): ${err.message}`));
        tcp.on("connection", (socket) => serveTcp(socket, registry, sockets, log));
        return {
            port: boundPort,
            address: `${LOOPBACK}:${boundPort}`,
            close: () => Promise.all([
                new Promise<void>((resolve) => udp.close(() => resolve())),
                new Promise<void>((resolve) => {
                    tcp.close(() => resolve());
                    for (const socket of sockets) {
                        socket.destroy();
                    }
                }),
            ]).then(() => undefined),
        };
    }
}

/** DNS over TCP: each message is preceded by its two-byte length (RFC 1035 §4.2.2); a connection may carry several. */
function serveTcp(socket: net.Socket, registry: Registry, sockets: Set<net.Socket>, log: (message: string) => void): void {
    sockets.add(socket);
    socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
            const length = pending.readUInt16BE(0);
            const message = pending.subarray(2, 2 + length);
            pending = pending.subarray(2 + length);
            const reply = replyTo(registry, message, "tcp", log);
            if (reply !== undefined) {
                const framed = Buffer.alloc(2 + reply.length);
                framed.writeUInt16BE(reply.length, 0);
                reply.copy(framed, 2);
                socket.write(framed);
            }
        }
    });
}

function replyTo(registry: Registry, message: Buffer, transport: "udp" | "tcp", log: (message: string) => void): Buffer | undefined {
    let query: dnsPacket.DecodedPacket;
    try {
        query = dnsPacket.decode(message);
    } catch {
        return formatErrorFor(message);
    }
    if (query.type !== "query") {
        return undefined;
    }
    try {
        return answerQuery(registry, query, transport);
    } catch (err) {
        log(`DNS: cannot answer ${query.questions?.map((q) => `${q.type} ${q.name}`).join(", ")}: ${(err as Error).message}`);
        return undefined;
    }
}

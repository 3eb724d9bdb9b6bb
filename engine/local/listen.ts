import * as dgram from "dgram";
import * as net from "net";

/** Everything local listens on loopback only: the servers answer this machine, never the network. */
export const LOOPBACK = "127.0.0.1";

/** A port that cannot be bound; the CLI reports it and exits 2. */
export class PortUnavailableError extends Error {
    override readonly name = "PortUnavailableError";
}

/** Listens on LOOPBACK:port (0 = any free port) and resolves to the bound port. */
export function listenTcp(server: net.Server, port: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException) => reject(unavailable(err, port, what, "TCP"));
        server.once("error", onError);
        server.listen(port, LOOPBACK, () => {
            server.off("error", onError);
            resolve((server.address() as net.AddressInfo).port);
        });
    });
}

/** Binds a UDP socket to LOOPBACK:port (0 = any free port) and resolves to the bound port. */
export function bindUdp(socket: dgram.Socket, port: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException) => reject(unavailable(err, port, what, "UDP"));
        socket.once("error", onError);
        socket.bind(port, LOOPBACK, () => {
            socket.off("error", onError);
            resolve(socket.address().port);
        });
    });
}

function unavailable(err: NodeJS.ErrnoException, port: number, what: string, protocol: string): Error {
    switch (err.code) {
        case "EADDRINUSE":
            return new PortUnavailableError(`${what}: ${protocol} port ${port} on ${LOOPBACK} is already in use; stop what holds it, or pick another port (0 picks any free one).`);
        case "EACCES":
            return new PortUnavailableError(`${what}: not allowed to bind ${protocol} port ${port} on ${LOOPBACK} (ports below 1024 need privileges); pick a port from 1024 up, or 0 for any free one.`);
        default:
            return err;
    }
}

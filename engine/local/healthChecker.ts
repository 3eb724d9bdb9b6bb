import * as net from "net";
import { describeInstance, LocalInstance, LocalService, Registry } from "./registry";

/** One probe a second; two failures in a row mark an instance UNHEALTHY, so a stopped process leaves answers within about three seconds. */
export const PROBE_INTERVAL_MS = 1000;
export const FAILURES_TO_UNHEALTHY = 2;
const CONNECT_TIMEOUT_MS = 800;

export interface HealthChecker {
    stop(): void;
}

/**
 * Stands in for what reports task health in AWS (ECS, through the custom health check, or a
 * Route 53 TCP check): every registered instance with an address and a port is probed with a
 * TCP connection; one that stops answering is reported UNHEALTHY, and HEALTHY again once it
 * answers. In a service that has no health check nobody reports health in AWS either, so
 * there a failing instance is only logged and stays in the answers.
 */
export function startHealthChecker(registry: Registry, log: (message: string) => void): HealthChecker {
    const failures = new Map<string, number>();
    const warned = new Set<string>();
    let probing = false;
    let stopped = false;
    const round = async () => {
        if (probing || stopped) {
            return;
        }
        probing = true;
        try {
            await Promise.all(registry.services.flatMap((service) => registry.instances(service).map((instance) => probe(service, instance))));
        } finally {
            probing = false;
        }
    };
    const probe = async (service: LocalService, instance: LocalInstance) => {
        const host = instance.attributes.AWS_INSTANCE_IPV4 ?? instance.attributes.AWS_INSTANCE_IPV6;
        const port = Number(instance.attributes.AWS_INSTANCE_PORT);
        if (host === undefined || !Number.isInteger(port)) {
            return;
        }
        const key = `${service.id}/${instance.id}`;
        const answered = await connects(host, port);
        // The checker may have stopped, or the instance been deregistered, while the probe ran.
        if (stopped || !registry.instances(service).some((i) => i.id === instance.id)) {
            return;
        }
        if (answered) {
            failures.delete(key);
            warned.delete(key);
            if (registry.hasHealthCheck(service)) {
                registry.setHealth(service, instance.id, "HEALTHY", "its TCP port answers again");
            }
            return;
        }
        const count = (failures.get(key) ?? 0) + 1;
        failures.set(key, count);
        if (count < FAILURES_TO_UNHEALTHY) {
            return;
        }
        if (registry.hasHealthCheck(service)) {
            registry.setHealth(service, instance.id, "UNHEALTHY", `its TCP port did not answer ${count} probes in a row`);
        } else if (!warned.has(key)) {
            warned.add(key);
            log(`${service.planned.name}: ${describeInstance(instance)} does not answer, but the service has no health check, ` +
                "so it stays in the answers (as in AWS, until it is deregistered).");
        }
    };
    const timer = setInterval(() => void round(), PROBE_INTERVAL_MS);
    void round();
    return {
        stop: () => {
            stopped = true;
            clearInterval(timer);
        },
    };
}

function connects(host: string, port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect({ host, port });
        const done = (ok: boolean) => {
            socket.destroy();
            resolve(ok);
        };
        socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(false));
        socket.once("connect", () => done(true));
        socket.once("error", () => done(false));
    });
}

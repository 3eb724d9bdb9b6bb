import { Finding } from "./finding";

// Fargate accepts only these CPU/memory pairs (MiB), per the ECS task-size table:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
const FARGATE_SIZES: Record<number, (memory: number) => boolean> = {
    256: (m) => [512, 1024, 2048].includes(m),
    512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
    1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
    2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
    4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
    8192: (m) => m >= 16384 && m <= 61440 && m % 4096 === 0,
    16384: (m) => m >= 32768 && m <= 122880 && m % 8192 === 0,
};

/** Checks a Fargate task size against the CPU/memory combinations Fargate offers. */
export function checkFargateTaskSize(cpu: number, memory: number, path = "cpu"): Finding[] {
    const accepts = FARGATE_SIZES[cpu];
    if (accepts === undefined) {
        return [{
            rule: "ecs-fargate-task-size",
            path,
            message: `Fargate does not offer ${cpu} CPU units.`,
            fix: `Use one of ${Object.keys(FARGATE_SIZES).join(", ")}.`,
        }];
    }
    if (!accepts(memory)) {
        return [{
            rule: "ecs-fargate-task-size",
            path: "memory",
            message: `Fargate does not offer ${memory} MiB with ${cpu} CPU units.`,
            fix: cpu === 256 ? "Use 512, 1024 or 2048 MiB." : "Pick a memory size from the Fargate task-size table for that CPU.",
        }];
    }
    return [];
}

/** Checks a TCP port number. */
export function checkPort(port: number, path: string): Finding[] {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        return [{ rule: "ecs-container-port", path, message: `${port} is not a TCP port.`, fix: "Use a whole number from 1 to 65535." }];
    }
    return [];
}

// RegisterTaskDefinition: container names are up to 255 letters, digits, hyphens and underscores.
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Checks a container name against the task definition's rules. */
export function checkContainerName(name: string, path = "container.name"): Finding[] {
    if (!CONTAINER_NAME.test(name)) {
        return [{
            rule: "ecs-container-name",
            path,
            message: `"${name}" is not a container name: 1-255 letters, digits, hyphens and underscores.`,
            fix: 'Use a name such as "inventory-manager".',
        }];
    }
    return [];
}

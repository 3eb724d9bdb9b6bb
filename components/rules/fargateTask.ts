import { Finding } from "./finding";
import { characterCount, checkWholeNumber, describeValue, kindOf } from "./values";

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
const SIZE_SOURCE = "ECS developer guide, Fargate task sizes";

/** Where a task size's two halves sit, in the caller's terms. */
export interface TaskSizePaths {
    readonly cpu: string;
    readonly memory: string;
}

/**
 * Checks a Fargate task size given as numbers — CPU units and MiB — against the CPU/memory
 * combinations Fargate offers. Text such as `"256"` is refused: these are counts, and the
 * caller should not rely on them being converted (see {@link checkTaskDefinitionSize} for the
 * text form a task definition itself takes).
 */
export function checkFargateTaskSize(cpu: unknown, memory: unknown, path: string | TaskSizePaths = "cpu"): Finding[] {
    const paths = typeof path === "string" ? { cpu: path, memory: "memory" } : path;
    const notNumbers = [
        ...(typeof cpu === "number" ? [] : [{ path: paths.cpu, what: "The CPU size", value: cpu, example: "256 (CPU units)" }]),
        ...(typeof memory === "number" ? [] : [{ path: paths.memory, what: "The memory size", value: memory, example: "512 (MiB)" }]),
    ];
    if (notNumbers.length > 0) {
        return notNumbers.map((bad) => ({
            rule: "ecs-fargate-task-size",
            path: bad.path,
            message: `${bad.what} is ${kindOf(bad.value)}, not a number.`,
            fix: `Pass a number such as ${bad.example}.`,
        }));
    }
    return checkSizePair(cpu as number, memory as number, paths);
}

function checkSizePair(cpu: number, memory: number, paths: TaskSizePaths): Finding[] {
    const accepts = FARGATE_SIZES[cpu];
    if (accepts === undefined) {
        return [{
            rule: "ecs-fargate-task-size",
            path: paths.cpu,
            message: `Fargate does not offer ${cpu} CPU units (${SIZE_SOURCE}).`,
            fix: `Use one of ${Object.keys(FARGATE_SIZES).join(", ")}.`,
        }];
    }
    if (!accepts(memory)) {
        return [{
            rule: "ecs-fargate-task-size",
            path: paths.memory,
            message: `Fargate does not offer ${memory} MiB with ${cpu} CPU units (${SIZE_SOURCE}).`,
            fix: cpu === 256 ? "Use 512, 1024 or 2048 MiB." : "Pick a memory size from the Fargate task-size table for that CPU.",
        }];
    }
    return [];
}

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html:
// cpu is a string of CPU units ("1024") or vCPUs ("1 vCPU", "1 vcpu"); memory a string of MiB
// ("1024") or GB ("1GB", "1 GB").
const UNITS = /^[0-9]+$/;
const VCPU = /^([0-9]+(?:\.[0-9]+)?) ?vcpu$/i;
const GB = /^([0-9]+(?:\.[0-9]+)?) ?gb$/i;

function unitsOf(value: unknown, scaled: RegExp): number | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const text = value.trim();
    const match = scaled.exec(text);
    return UNITS.test(text) ? Number(text) : match !== null ? Number(match[1]) * 1024 : undefined;
}

/**
 * Checks the size of a Fargate task definition as the resource holds it: text, in CPU units
 * or vCPUs and in MiB or GB. A number here is refused, since the provider's schema is a string.
 */
export function checkTaskDefinitionSize(cpu: unknown, memory: unknown, paths: TaskSizePaths = { cpu: "cpu", memory: "memory" }): Finding[] {
    const cpuUnits = unitsOf(cpu, VCPU);
    const memoryMiB = unitsOf(memory, GB);
    const unreadable = [
        ...(cpuUnits === undefined ? [{ path: paths.cpu, value: cpu, what: "CPU size", example: '"256" or "0.25 vCPU"' }] : []),
        ...(memoryMiB === undefined ? [{ path: paths.memory, value: memory, what: "memory size", example: '"512" or "2 GB"' }] : []),
    ];
    if (unreadable.length > 0) {
        return unreadable.map((bad) => ({
            rule: "ecs-fargate-task-size",
            path: bad.path,
            message: `The task definition's ${bad.what} is ${kindOf(bad.value)}; ECS takes text in units or in vCPU/GB (ECS API, RegisterTaskDefinition).`,
            fix: `Use text such as ${bad.example}.`,
        }));
    }
    return checkSizePair(cpuUnits!, memoryMiB!, paths);
}

/** Checks a TCP port number: a whole number from 1 to 65535 (ECS API, PortMapping). */
export function checkPort(port: unknown, path: string): Finding[] {
    if (typeof port === "number" && Number.isInteger(port) && port >= 1 && port <= 65535) {
        return [];
    }
    return [{
        rule: "ecs-container-port",
        path,
        message: `${describeValue(port)} is not a TCP port: a port is a whole number from 1 to 65535 (ECS API, PortMapping).`,
        fix: "Use a whole number from 1 to 65535.",
    }];
}

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html:
// name "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens".
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Checks a container name against the task definition's rules. */
export function checkContainerName(name: unknown, path = "container.name"): Finding[] {
    if (typeof name === "string" && CONTAINER_NAME.test(name)) {
        return [];
    }
    return [{
        rule: "ecs-container-name",
        path,
        message: `${describeValue(name)} is not a container name: 1-255 letters, digits, hyphens and underscores (ECS API, ContainerDefinition).`,
        fix: 'Use a name such as "inventory-manager".',
    }];
}

// ECS family (RegisterTaskDefinition) and service names (CreateService): "Up to 255 letters
// (uppercase and lowercase), numbers, underscores, and hyphens are allowed."
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Checks a task definition family name, e.g. one derived from a stack and a resource name. */
export function checkTaskFamily(family: unknown, path = "family"): Finding[] {
    return checkEcsName(family, { rule: "ecs-task-family", what: "task definition family", source: "ECS API, RegisterTaskDefinition" }, path);
}

/** Checks an ECS service name, e.g. one derived from a resource name. */
export function checkEcsServiceName(name: unknown, path = "name"): Finding[] {
    return checkEcsName(name, { rule: "ecs-service-name", what: "ECS service name", source: "ECS API, CreateService" }, path);
}

function checkEcsName(value: unknown, text: { rule: string; what: string; source: string }, path: string): Finding[] {
    if (typeof value === "string" && ECS_NAME.test(value)) {
        return [];
    }
    const detail = typeof value === "string" && value.length > 255 ? `it has ${value.length} characters` : `it is ${kindOf(value)}`;
    return [{
        rule: text.rule,
        path,
        message: `The ${text.what} must be 1-255 letters, digits, hyphens and underscores; ${detail} (${text.source}).`,
        fix: "Use only letters, digits, hyphens and underscores (no dots or spaces), and keep it short.",
    }];
}

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, image:
// "For images using tags (repository-url/image:tag), up to 255 characters total are allowed,
// including letters (uppercase and lowercase), numbers, hyphens, underscores, colons, periods,
// forward slashes, and number signs (#). For images using digests (repository-url/image@digest),
// the 255 character limit applies only to the repository URL and image name ... The only
// supported hash function is sha256, and the hash value after sha256: must be exactly 64
// characters (only letters A-F, a-f, and numbers 0-9 are allowed)."
// The structure is the image reference grammar the container runtime parses
// (https://github.com/distribution/reference, reference.go): [registry[:port]/]path[:tag][@digest],
// with lowercase path components. ECS stores a reference the runtime cannot parse, and the task
// then never starts: refusing it is a deliberate default.
const ECS_IMAGE_CHARACTERS = /^[A-Za-z0-9\-_:./#]+$/;
const MAX_IMAGE = 255;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?$`);
const DIGEST = /^sha256:[A-Fa-f0-9]{64}$/;
const IMAGE_SOURCE = "ECS API, ContainerDefinition";

/** Checks a container image reference: present, ECS's length and characters, and a reference the runtime can pull. */
export function checkContainerImage(image: unknown, path = "container.image"): Finding[] {
    const rule = "ecs-container-image";
    if (typeof image !== "string" || image.trim().length === 0) {
        return [{
            rule, path,
            message: `The container image is ${typeof image === "string" ? "empty" : kindOf(image)}; ECS needs an image to run (${IMAGE_SOURCE}).`,
            fix: 'Give an image reference such as "public.ecr.aws/nginx/nginx:1.27".',
        }];
    }
    const at = image.indexOf("@");
    const name = at === -1 ? image : image.slice(0, at);
    const digest = at === -1 ? undefined : image.slice(at + 1);
    if (characterCount(name) > MAX_IMAGE) {
        return [{
            rule, path,
            message: `The image reference${digest === undefined ? "" : " before the digest"} is ${characterCount(name)} characters long; ECS accepts at most ${MAX_IMAGE} (${IMAGE_SOURCE}).`,
            fix: "Use a shorter repository name or tag.",
        }];
    }
    if (digest !== undefined && !DIGEST.test(digest)) {
        return [{
            rule, path,
            message: `The image digest ${describeValue(digest)} is not "sha256:" followed by 64 hexadecimal characters, the only digest ECS accepts (${IMAGE_SOURCE}).`,
            fix: "Copy the digest from the registry, e.g. sha256:94afd1f2e...",
        }];
    }
    if (!ECS_IMAGE_CHARACTERS.test(name) || !IMAGE_REFERENCE.test(name)) {
        return [{
            rule, path,
            message: `${describeValue(image)} is not an image reference: [registry/]repository[:tag][@sha256:digest], with a lowercase repository ` +
                `path and a tag of letters, digits, _ . - (${IMAGE_SOURCE}; image reference grammar).`,
            fix: 'Use a reference such as "123456789012.dkr.ecr.us-east-1.amazonaws.com/inventory:1.4.2".',
        }];
    }
    return [];
}

// ECS CreateService desiredCount is an Integer; ECS service quotas cap "Tasks per service" at
// 5,000 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html).
const MAX_TASKS_PER_SERVICE = 5000;

/** Checks the number of tasks an ECS service keeps running. */
export function checkDesiredCount(count: unknown, path = "desiredCount"): Finding[] {
    return checkWholeNumber(count, { min: 0, max: MAX_TASKS_PER_SERVICE }, {
        rule: "ecs-desired-count",
        what: "The task count",
        source: "ECS service quotas, tasks per service",
        fix: "Use a whole number of tasks, 0 or more (2 keeps one answering while the other is replaced).",
    }, path);
}

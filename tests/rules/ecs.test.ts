import * as assert from "assert";
import fc from "fast-check";
import {
    checkContainerImage, checkContainerName, checkContainerPortMapped, checkDesiredCount, checkEcsServiceName, checkFargateTaskSize, checkNoPublicIp,
    checkPort, checkTaskDefinitionSize, checkTaskFamily,
} from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

describe("rules: ECS", () => {
    describe("Fargate task size", () => {
        it("takes numbers from components and refuses numeric text, naming each half by its own path", () => {
            assert.deepStrictEqual(checkFargateTaskSize(512, 1024), []);
            assert.deepStrictEqual(checkFargateTaskSize("256", "512", { cpu: "cpu", memory: "memory" }).map((f) => `${f.path}: ${f.message}`), [
                'cpu: The CPU size is the text "256", not a number.',
                'memory: The memory size is the text "512", not a number.',
            ]);
            assertOne(checkFargateTaskSize(256, 4096, { cpu: "task.cpu", memory: "task.memory" }), "ecs-fargate-task-size", "task.memory",
                /Fargate does not offer 4096 MiB with 256 CPU units/, /Use 512, 1024 or 2048 MiB/);
        });
        it("reads a task definition's text forms: CPU units or vCPU, MiB or GB", () => {
            for (const [cpu, memory] of [["256", "512"], ["0.25 vCPU", "0.5 GB"], ["1 vcpu", "2GB"], ["4096", "30 GB"], ["16 vCPU", "120 GB"]]) {
                assert.deepStrictEqual(checkTaskDefinitionSize(cpu, memory), [], `${cpu}/${memory}`);
            }
            assertOne(checkTaskDefinitionSize(256, "512"), "ecs-fargate-task-size", "cpu", /The task definition's CPU size is the number 256; ECS takes text/);
            assertOne(checkTaskDefinitionSize("1 vCPU", "1 GB"), "ecs-fargate-task-size", "memory", /does not offer 1024 MiB with 1024 CPU units/);
        });
        it("accepts exactly the documented pairs for 0.25-16 vCPU (property-based)", () => {
            const pair = fc.constantFrom(
                ...[512, 1024, 2048].map((m) => [256, m]),
                ...[1024, 2048, 3072, 4096].map((m) => [512, m]),
                ...[16384, 20480, 61440].map((m) => [8192, m]),
                ...[32768, 40960, 122880].map((m) => [16384, m]),
            );
            fc.assert(fc.property(pair, ([cpu, memory]) => assert.deepStrictEqual(checkFargateTaskSize(cpu, memory), [])));
            fc.assert(fc.property(fc.integer({ min: 0, max: 200000 }), (memory) =>
                assert.strictEqual(checkFargateTaskSize(1024, memory).length === 0, memory >= 2048 && memory <= 8192 && memory % 1024 === 0)));
        });
    });

    it("ports are whole numbers from 1 to 65535; a registry's port 0 is reported as invalid, not as unmapped", () => {
        assert.deepStrictEqual([...checkPort(1, "port"), ...checkPort(65535, "port")], []);
        for (const port of [0, 65536, 80.5, "80", null]) {
            assertOne(checkPort(port, "port"), "ecs-container-port", "port", /is not a TCP port: a port is a whole number from 1 to 65535 \(ECS API, PortMapping\)/);
        }
        assertOne(checkContainerPortMapped([{ name: "app", portMappings: [{ containerPort: 8080 }] }], "app", 0, "serviceRegistries[0]"),
            "ecs-container-port", "serviceRegistries[0].containerPort", /^0 is not a TCP port/);
    });

    describe("container images", () => {
        it("accepts Docker Hub, ECR, ECR Public, registry ports, tags and sha256 digests", () => {
            for (const image of ["nginx", "nginx:1.27-alpine", "library/nginx", "public.ecr.aws/docker/library/nginx:1.27-alpine",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/inventory:1.4.2", "localhost:5000/team/app:v1", "quay.io/a_b/c__d/e--f",
                `123456789012.dkr.ecr.us-east-1.amazonaws.com/inventory@sha256:${"a".repeat(64)}`, `app:v1@sha256:${"F".repeat(64)}`]) {
                assert.deepStrictEqual(checkContainerImage(image), [], image);
            }
        });
        it("refuses an empty image, uppercase repositories, bad tags and digests, and more than 255 characters", () => {
            assertOne(checkContainerImage(""), "ecs-container-image", "container.image", /The container image is empty; ECS needs an image to run/);
            assertOne(checkContainerImage(undefined), "ecs-container-image", "container.image", /is nothing/);
            for (const image of ["Nginx", "nginx:", "nginx:-bad", "a//b", "nginx latest", "nginx:1.0!"]) {
                assertOne(checkContainerImage(image), "ecs-container-image", "container.image", /is not an image reference: \[registry\/\]repository\[:tag\]/);
            }
            assertOne(checkContainerImage(`app@sha256:${"a".repeat(63)}`), "ecs-container-image", "container.image", /is not "sha256:" followed by 64 hexadecimal/);
            assertOne(checkContainerImage("app@md5:abc"), "ecs-container-image", "container.image", /the only digest ECS accepts/);
            const long = `r/${"a".repeat(249)}:1`;
            assert.strictEqual(long.length, 253);
            assert.deepStrictEqual(checkContainerImage(`${long}00`), []);
            assertOne(checkContainerImage(`${long}000`), "ecs-container-image", "container.image", /is 256 characters long; ECS accepts at most 255/);
            assert.deepStrictEqual(checkContainerImage(`${long}00@sha256:${"a".repeat(64)}`), [], "the digest does not count towards 255");
        });
    });

    it("task counts are whole numbers from 0 to 5000", () => {
        assert.deepStrictEqual([...checkDesiredCount(0), ...checkDesiredCount(5000)], []);
        for (const [count, why] of [[5001, /is 5001, outside 0–5000/], [-1, /is -1, outside/], [1.5, /not a whole number/], ["2", /is the text "2", not a number/]] as const) {
            assertOne(checkDesiredCount(count), "ecs-desired-count", "desiredCount", why, /\(ECS service quotas, tasks per service\)/);
        }
    });

    it("names: containers, task families and services take 1-255 letters, digits, hyphens and underscores", () => {
        for (const check of [checkContainerName, checkTaskFamily, checkEcsServiceName]) {
            assert.deepStrictEqual(check("x".repeat(255), "p"), []);
            assert.strictEqual(check("x".repeat(256), "p").length, 1);
            assert.strictEqual(check("dev-order.processor", "p").length, 1);
            assert.strictEqual(check(12, "p").length, 1);
        }
        assertOne(checkTaskFamily("dev-a.b"), "ecs-task-family", "family", /must be 1-255 letters, digits, hyphens and underscores; it is the text "dev-a.b" \(ECS API, RegisterTaskDefinition\)/);
    });

    it("a public IP setting must be a boolean", () => {
        assert.deepStrictEqual(checkNoPublicIp(false), []);
        assert.deepStrictEqual(rulesOf(checkNoPublicIp(true)), ["ecs-no-public-ip"]);
        assertOne(checkNoPublicIp("false", "assignPublicIp"), "value-boolean", "assignPublicIp", /is the text "false"; it must be true or false/);
    });
});

import * as assert from "assert";
import { criticalPath } from "../../engine/plan/criticalPath";
import { recorded } from "./recorded";

describe("plan: deploy critical path", () => {
    // vpc(5) → namespace(50) → service(2) → ecs(15); vpc → subnet(5) → ecs; role(5) → ecs.
    const seconds: Record<string, number> = { vpc: 5, namespace: 50, service: 2, subnet: 5, role: 5, ecs: 15 };
    const vpc = recorded("t:Vpc", "vpc");
    const namespace = recorded("t:Namespace", "namespace", { propertyDependencies: { vpc: [vpc.urn] } });
    const component = recorded("t:Component", "discovery", { custom: false });
    const service = recorded("t:Service", "service", { parent: component.urn, propertyDependencies: { dnsConfig: [namespace.urn] } });
    const subnet = recorded("t:Subnet", "subnet", { dependencies: [vpc.urn] });
    const role = recorded("t:Role", "role");
    const secondsOf = (r: { name: string }): number => seconds[r.name] ?? 0;

    it("follows the longest chain of dependencies and property dependencies", () => {
        const ecs = recorded("t:Ecs", "ecs", { dependencies: [subnet.urn, role.urn], propertyDependencies: { serviceRegistries: [service.urn] } });
        const result = criticalPath([vpc, namespace, component, service, subnet, role, ecs], secondsOf);
        assert.strictEqual(result.seconds, 5 + 50 + 2 + 15);
        assert.deepStrictEqual(result.path.map((r) => r.name), ["vpc", "namespace", "service", "ecs"]);
    });

    it("waits for everything inside a component that a resource depends on", () => {
        const ecs = recorded("t:Ecs", "ecs", { dependencies: [component.urn] });
        const result = criticalPath([vpc, namespace, component, service, ecs], secondsOf);
        assert.deepStrictEqual(result.path.map((r) => r.name), ["vpc", "namespace", "service", "ecs"]);
    });

    it("runs independent resources in parallel", () => {
        assert.strictEqual(criticalPath([vpc, role], secondsOf).seconds, 5);
    });

    it("is zero for a program with nothing to create", () => {
        assert.deepStrictEqual(criticalPath([component], secondsOf), { seconds: 0, path: [] });
    });

    it("uses the creation-time table by default, with steady-state waits for ECS services", () => {
        const ecsService = (wait: boolean) => recorded("aws:ecs/service:Service", "svc", { inputs: { waitForSteadyState: wait } });
        assert.ok(criticalPath([ecsService(true)]).seconds > criticalPath([ecsService(false)]).seconds);
    });
});

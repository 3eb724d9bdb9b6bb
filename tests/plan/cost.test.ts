import * as assert from "assert";
import { billableResourcesOf, monthlyCostLines, totalUsd } from "../../engine/plan/cost";
import { ResourceGraph } from "../../engine/resourceGraph";
import { recorded } from "./recorded";

describe("plan: monthly cost", () => {
    it("prices hosted zones, queries, non-ECS instances and DiscoverInstances calls", () => {
        const lines = monthlyCostLines(
            { hostedZones: 2, registeredInstances: 3, ecsRegisteringServices: 5 },
            { dnsQueriesMillions: 10, discoverCallsMillions: 2.5 },
        );
        assert.deepStrictEqual(lines.map((l) => l.usd), [2 * 0.5, 10 * 0.4, 3 * 0.1, 2.5 * 1.0]);
        assert.strictEqual(totalUsd(lines), 7.8);
    });

    it("rounds the total to cents", () => {
        assert.strictEqual(totalUsd([{ item: "x", quantity: 1, unitUsd: 0.1, usd: 0.1 }, { item: "y", quantity: 1, unitUsd: 0.2, usd: 0.2 }]), 0.3);
    });

    it("counts a hosted zone per DNS namespace, none for HTTP namespaces, and ECS registrations as free", () => {
        const graph = new ResourceGraph([
            recorded("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "private"),
            recorded("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace", "public"),
            recorded("aws:servicediscovery/httpNamespace:HttpNamespace", "http"),
            recorded("aws:servicediscovery/instance:Instance", "table"),
            recorded("aws:ecs/service:Service", "registers", { inputs: { serviceRegistries: { registryArn: "arn" } } }),
            recorded("aws:ecs/service:Service", "plain"),
        ]);
        assert.deepStrictEqual(billableResourcesOf(graph), { hostedZones: 2, registeredInstances: 1, ecsRegisteringServices: 1 });
    });
});

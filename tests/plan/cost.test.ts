import * as assert from "assert";
import { billableResourcesOf, monthlyCostLines, proxyTaskMonthUsd, totalUsd } from "../../engine/plan/cost";
import { serviceConnectOf } from "../../engine/plan/serviceConnect";
import { ResourceGraph } from "../../engine/resourceGraph";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { recorded } from "./recorded";

describe("plan: monthly cost", () => {
    it("prices hosted zones, queries, non-ECS instances and DiscoverInstances calls", () => {
        const lines = monthlyCostLines(
            { hostedZones: 2, registeredInstances: 3, ecsRegisteringServices: 5, dnsServices: 1, proxyTasks: {}, proxyTasksUnknown: [] },
            { dnsQueriesMillions: 10, discoverCallsMillions: 2.5 },
        );
        assert.deepStrictEqual(lines.map((l) => l.usd), [2 * 0.5, 10 * 0.4, 3 * 0.1, 2.5 * 1.0]);
        assert.strictEqual(totalUsd(lines), 7.8);
    });

    it("counts no Route 53 queries when no Cloud Map service has DNS records", () => {
        const lines = monthlyCostLines(
            { hostedZones: 1, registeredInstances: 0, ecsRegisteringServices: 0, dnsServices: 0, proxyTasks: {}, proxyTasksUnknown: [] },
            { dnsQueriesMillions: 10, discoverCallsMillions: 1 },
        );
        assert.strictEqual(lines.find((l) => l.item.startsWith("Route 53 DNS queries"))!.quantity, 0);
    });

    it("prices each Service Connect proxy as 256 CPU units and 64 MiB of a Fargate task, by architecture", () => {
        // 0.25 vCPU and 0.0625 GB for 730 hours at us-east-1 On-Demand Linux prices.
        assert.strictEqual(proxyTaskMonthUsd("X86_64").toFixed(4), ((0.25 * 0.04048 + 0.0625 * 0.004445) * 730).toFixed(4));
        assert.strictEqual(proxyTaskMonthUsd("ARM64").toFixed(4), ((0.25 * 0.03238 + 0.0625 * 0.00356) * 730).toFixed(4));
        const lines = monthlyCostLines(
            { hostedZones: 0, registeredInstances: 0, ecsRegisteringServices: 0, dnsServices: 0, proxyTasks: { X86_64: 4, ARM64: 2 }, proxyTasksUnknown: [] },
            { dnsQueriesMillions: 10, discoverCallsMillions: 0 },
        );
        assert.deepStrictEqual(lines.slice(4).map((l) => [l.item, l.quantity]), [["Service Connect proxies (ARM64 tasks)", 2], ["Service Connect proxies (X86_64 tasks)", 4]]);
        assert.strictEqual(lines[5].usd, 4 * proxyTaskMonthUsd("X86_64"));
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
            recorded("aws:servicediscovery/service:Service", "dns", { inputs: { dnsConfig: { dnsRecords: [{ type: "SRV", ttl: 10 }] } } }),
            recorded("aws:servicediscovery/service:Service", "api-only", { inputs: { type: "HTTP" } }),
            recorded("aws:ecs/service:Service", "proxied", { inputs: { desiredCount: 3, serviceConnectConfiguration: { enabled: true } } }),
            recorded("aws:ecs/service:Service", "proxied-later", { inputs: { desiredCount: UNKNOWN_SENTINEL, serviceConnectConfiguration: { enabled: true } } }),
        ]);
        assert.deepStrictEqual(billableResourcesOf(graph, serviceConnectOf(graph).members), {
            hostedZones: 2, registeredInstances: 1, ecsRegisteringServices: 1, dnsServices: 1, proxyTasks: { X86_64: 3 }, proxyTasksUnknown: ["proxied-later"],
        });
    });
});

import * as assert from "assert";
import { PrivateDnsNamespace } from "../../components";
import { assertParentedByComponents, assertRejects, graphOf } from "./fixtures";

describe("PrivateDnsNamespace", () => {
    it("creates one private DNS namespace in the given VPC, parented by the component", async () => {
        const graph = await graphOf(() => new PrivateDnsNamespace("ns", { name: "quickship.local", vpcId: "vpc-0abc0000000000def" }));
        const component = graph.one("cloudmap-discovery:index:PrivateDnsNamespace", "ns");
        const namespace = graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns");
        assert.strictEqual(namespace.parent, component.urn);
        assert.deepStrictEqual(namespace.inputs, { name: "quickship.local", vpc: "vpc-0abc0000000000def", description: "Service discovery for quickship.local" });
        assert.match(namespace.id ?? "", /^ns-[0-9a-f]{16}$/);
        assert.deepStrictEqual(graph.childrenOf(component.urn).map((r) => r.type), ["aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace"]);
        assertParentedByComponents(graph);
    });

    it("drops a trailing dot so the name matches what Route 53 reports", async () => {
        const graph = await graphOf(() => new PrivateDnsNamespace("ns", { name: "quickship.local.", vpcId: "vpc-0abc0000000000def" }));
        assert.strictEqual(graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns").inputs.name, "quickship.local");
    });

    for (const [bad, why] of [
        ["quick ship.local", /label\(s\) "quick ship"/],
        ["quick*ship.local", /"quick\*ship"/],
        ["quickship..local", /""/],
        ["", /empty/],
        [`${"a".repeat(64)}.local`, /1-63 letters/],
        [Array.from({ length: 60 }, () => "abcd").join("."), /at most 253/],
    ] as const) {
        it(`refuses ${JSON.stringify(bad.length > 40 ? bad.slice(0, 20) + "…" : bad)} naming the argument, rule and fix`, async () => {
            await assertRejects(() => new PrivateDnsNamespace("ns", { name: bad, vpcId: "vpc-0abc0000000000def" }),
                /PrivateDnsNamespace "ns" has invalid arguments/, /name: /, why, /Fix: /);
        });
    }
});

import * as assert from "assert";
import { topologyOf } from "../../engine/local/topology";
import type { PlanResult } from "../../engine/plan";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";

function resource(type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): RecordedResource {
    return { urn: `urn:${name}`, type, name, custom: true, dependencies: [], propertyDependencies, inputs, outputs: {}, options: { ignoreChanges: [], replaceOnChanges: [] } };
}

/** A preview-like plan: a table whose name is only known after deployment, a container environment that quotes it. */
function plan(): PlanResult {
    const graph = new ResourceGraph([
        resource("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns", { name: "shop.internal" }),
        resource("aws:servicediscovery/service:Service", "api", { name: "api", dnsConfig: { dnsRecords: [{ type: "A", ttl: 5 }] } }, { dnsConfig: ["urn:ns"] }),
        resource("aws:servicediscovery/service:Service", "tables", { name: "tables", type: "HTTP" }, { namespaceId: ["urn:ns"] }),
        resource("aws:servicediscovery/instance:Instance", "orders", { instanceId: "orders", attributes: { tablename: UNKNOWN_SENTINEL } }, { serviceId: ["urn:tables"] }),
        resource("aws:servicediscovery/instance:Instance", "audit", { instanceId: "audit", attributes: { tablename: "Audit" } }, { serviceId: ["urn:tables"] }),
        resource("aws:ecs/taskDefinition:TaskDefinition", "api-task", {
            containerDefinitions: JSON.stringify([{ name: "api", environment: [{ name: "TABLES_SERVICE", value: "tables" }, { name: "ORDERS_TABLE", value: UNKNOWN_SENTINEL }] }]),
        }),
        resource("aws:ecs/service:Service", "api-ecs", { serviceRegistries: { containerName: "api" } }, { serviceRegistries: ["urn:api"], taskDefinition: ["urn:api-task"] }),
    ]);
    return {
        graph,
        dnsRecords: [{ name: "api.shop.internal", type: "A", ttl: 5, routingPolicy: "WEIGHTED", service: "urn:api" }],
        apiOnlyServices: [{ name: "tables", namespace: "shop.internal", urn: "urn:tables", instances: [] }],
        project: { config: { "aws:region": "eu-central-1" } },
    } as unknown as PlanResult;
}

describe("local: the topology read from a plan", () => {
    const topology = topologyOf(plan());

    it("takes namespaces, services, records and routing from the plan", () => {
        assert.strictEqual(topology.region, "eu-central-1");
        assert.deepStrictEqual(topology.namespaces.map((ns) => [ns.name, ns.kind]), [["shop.internal", "private-dns"]]);
        assert.deepStrictEqual(topology.services.map((s) => [s.name, s.namespace, s.records, s.routingPolicy, s.healthCheck]), [
            ["api", "shop.internal", [{ type: "A", ttl: 5 }], "WEIGHTED", "none"],
            ["tables", "shop.internal", [], "MULTIVALUE", "none"],
        ]);
    });

    it("serves no instance whose attributes are only known after deployment, and says so", () => {
        assert.deepStrictEqual(topology.instances.map((i) => i.id), ["audit"]);
        assert.ok(topology.warnings.includes("instance orders is not served: tablename is only known after deployment; register it through the API instead."), topology.warnings.join("\n"));
    });

    it("reads the registered container's environment, leaving out what is only known after deployment", () => {
        assert.deepStrictEqual(topology.services[0].process?.environment, { TABLES_SERVICE: "tables" });
        assert.ok(topology.warnings.some((w) => w.startsWith("api-ecs: ORDERS_TABLE is only known after deployment")), topology.warnings.join("\n"));
    });
});

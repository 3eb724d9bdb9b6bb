import * as assert from "assert";
import { apiOnlyServicesOf, dnsRecordsOf } from "../../engine/plan/dnsRecords";
import { ResourceGraph } from "../../engine/resourceGraph";
import { recorded } from "./recorded";

const SERVICE = "aws:servicediscovery/service:Service";

describe("plan: DNS records and API-only services", () => {
    const namespace = recorded("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns", {
        id: "ns-1",
        inputs: { name: "quickship.local" },
    });

    it("names records <service>.<namespace>, finding the namespace through property dependencies", () => {
        const service = recorded(SERVICE, "inventory", {
            inputs: { name: "inventory-manager", dnsConfig: { namespaceId: "ns-1", routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "SRV", ttl: 10 }, { type: "A", ttl: 10 }] } },
            propertyDependencies: { dnsConfig: [namespace.urn] },
        });
        assert.deepStrictEqual(dnsRecordsOf(new ResourceGraph([namespace, service])), [
            { name: "inventory-manager.quickship.local", type: "SRV", ttl: 10, routingPolicy: "MULTIVALUE", service: service.urn },
            { name: "inventory-manager.quickship.local", type: "A", ttl: 10, routingPolicy: "MULTIVALUE", service: service.urn },
        ]);
    });

    it("defaults the routing policy to MULTIVALUE and shows a namespace outside the program by id", () => {
        const service = recorded(SERVICE, "orders", { inputs: { name: "orders", dnsConfig: { namespaceId: "ns-elsewhere", dnsRecords: [{ type: "A", ttl: 5 }] } } });
        const [record] = dnsRecordsOf(new ResourceGraph([service]));
        assert.strictEqual(record.name, "orders.(namespace ns-elsewhere)");
        assert.strictEqual(record.routingPolicy, "MULTIVALUE");
    });

    it("lists API-only services with their instances' attributes, and no DNS records for them", () => {
        const service = recorded(SERVICE, "db", { id: "srv-1", inputs: { name: "user-auth-db", type: "HTTP", namespaceId: "ns-1" }, propertyDependencies: { namespaceId: [namespace.urn] } });
        const byDependency = recorded("aws:servicediscovery/instance:Instance", "table", {
            inputs: { instanceId: "user-auth-table", serviceId: "srv-1", attributes: { tablename: "UserAuth" } },
            propertyDependencies: { serviceId: [service.urn] },
        });
        const byLiteralId = recorded("aws:servicediscovery/instance:Instance", "other", { inputs: { instanceId: "other", serviceId: "srv-1", attributes: { environment: "prod" } } });
        const graph = new ResourceGraph([namespace, service, byDependency, byLiteralId]);
        assert.deepStrictEqual(dnsRecordsOf(graph), []);
        assert.deepStrictEqual(apiOnlyServicesOf(graph), [{
            name: "user-auth-db",
            namespace: "quickship.local",
            urn: service.urn,
            instances: [{ id: "user-auth-table", attributes: { tablename: "UserAuth" } }, { id: "other", attributes: { environment: "prod" } }],
        }]);
    });
});

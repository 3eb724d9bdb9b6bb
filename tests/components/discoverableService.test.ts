import * as assert from "assert";
import { DiscoverableService } from "../../components";
import { assertParentedByComponents, assertRejects, graphOf, NAMESPACE, srvService } from "./fixtures";

const SERVICE = "aws:servicediscovery/service:Service";

describe("DiscoverableService", () => {
    it("defaults to one SRV record, TTL 10, MULTIVALUE, ECS custom health with failureThreshold 1 and forceDestroy", async () => {
        const graph = await graphOf(() => srvService("inventory-manager"));
        const service = graph.one(SERVICE, "inventory-manager");
        assert.deepStrictEqual(service.inputs, {
            name: "inventory-manager",
            description: "inventory-manager in quickship.local",
            dnsConfig: { namespaceId: NAMESPACE.namespaceId, dnsRecords: [{ type: "SRV", ttl: 10 }], routingPolicy: "MULTIVALUE" },
            healthCheckCustomConfig: { failureThreshold: 1 },
            forceDestroy: true,
        });
        assert.strictEqual(service.parent, graph.one("cloudmap-discovery:index:DiscoverableService", "inventory-manager").urn);
        assert.match(String(service.outputs.arn), /^arn:aws:servicediscovery:us-east-1:123456789012:service\/srv-[0-9a-f]{16}$/);
        assertParentedByComponents(graph);
    });

    it("creates A+SRV records with the chosen TTL and routing", async () => {
        const graph = await graphOf(() => srvService("api", { dnsRecordTypes: ["A", "SRV"], ttlSeconds: 5, routingPolicy: "WEIGHTED" }));
        assert.deepStrictEqual(graph.one(SERVICE, "api").inputs.dnsConfig, {
            namespaceId: NAMESPACE.namespaceId, dnsRecords: [{ type: "A", ttl: 5 }, { type: "SRV", ttl: 5 }], routingPolicy: "WEIGHTED",
        });
    });

    it("allows a CNAME alone with WEIGHTED routing", async () => {
        const graph = await graphOf(() => srvService("legacy", { dnsRecordTypes: ["CNAME"], routingPolicy: "WEIGHTED", healthReporting: "none" }));
        const inputs = graph.one(SERVICE, "legacy").inputs;
        assert.deepStrictEqual(inputs.dnsConfig, { namespaceId: NAMESPACE.namespaceId, dnsRecords: [{ type: "CNAME", ttl: 10 }], routingPolicy: "WEIGHTED" });
        assert.strictEqual(inputs.healthCheckCustomConfig, undefined);
    });

    it("API-only mode sets type HTTP, the namespace at top level, and no DNS or health config", async () => {
        const graph = await graphOf(() => new DiscoverableService("db", { name: "user-auth-db", namespace: NAMESPACE, apiOnly: true }));
        assert.deepStrictEqual(graph.one(SERVICE, "db").inputs, {
            name: "user-auth-db", description: "user-auth-db in quickship.local", namespaceId: NAMESPACE.namespaceId, type: "HTTP", forceDestroy: true,
        });
    });

    it("exposes the SRV name clients resolve", async () => {
        let fqdn = "";
        await graphOf(() => { fqdn = srvService("inventory-manager").fqdn; });
        assert.strictEqual(fqdn, "inventory-manager.quickship.local");
    });

    describe("refuses what AWS would reject", () => {
        const cases: [string, () => unknown, RegExp[]][] = [
            ["CNAME with MULTIVALUE routing", () => srvService("x", { dnsRecordTypes: ["CNAME"] }), [/routingPolicy: A CNAME record requires WEIGHTED/]],
            ["CNAME mixed with SRV", () => srvService("x", { dnsRecordTypes: ["CNAME", "SRV"], routingPolicy: "WEIGHTED" }), [/dnsRecordTypes: A CNAME record cannot be combined/]],
            ["AAAA+SRV", () => srvService("x", { dnsRecordTypes: ["AAAA", "SRV"] }), [/dnsRecordTypes: The record types AAAA\+SRV are not a combination/, /A\+SRV/]],
            ["no records", () => srvService("x", { dnsRecordTypes: [] }), [/at least one record/]],
            ["a fractional TTL", () => srvService("x", { ttlSeconds: 1.5 }), [/ttlSeconds: TTL 1.5 is not a whole number/]],
            ["a TTL above the 60 s ceiling", () => srvService("x", { ttlSeconds: 300 }), [/ttlSeconds: .*TTL is 300 s, above the 60 s ceiling/, /Fix: Set the TTL to 60 s or less/]],
            ["a Route 53 health check in a private namespace", () => srvService("x", { route53HealthCheck: { type: "HTTP", resourcePath: "/" } }),
                [/route53HealthCheck: Route 53 health checks cannot reach instances in a private DNS namespace/, /custom health check/]],
            ["a Route 53 health check with ECS health reporting (public namespace)",
                () => new DiscoverableService("x", { name: "x", namespace: { ...NAMESPACE, kind: "public-dns" }, route53HealthCheck: { type: "HTTP" }, healthReporting: "ecs" }),
                [/route53HealthCheck: A service has either a Route 53 health check or a custom health check, not both/, /remove the Route 53 one/]],
            ["DNS settings on an API-only service", () => new DiscoverableService("x", { name: "x", namespace: NAMESPACE, apiOnly: true, ttlSeconds: 5 }),
                [/ttlSeconds: These DNS settings do not apply to an API-only service/]],
            ["DNS records in an HTTP namespace", () => new DiscoverableService("x", { name: "x", namespace: { ...NAMESPACE, kind: "http" } }),
                [/HTTP namespace cannot have DNS records/]],
            ["a service name with a space", () => srvService("x", { name: "inventory manager" }), [/name: "inventory manager" is not a valid Cloud Map service name/]],
        ];
        for (const [what, program, patterns] of cases) {
            it(what, () => assertRejects(program, /DiscoverableService "x" has invalid arguments/, ...patterns, /Fix: /));
        }
    });

    it("accepts a Route 53 health check in an HTTP namespace's API-only service (API_HealthCheckConfig: public DNS and HTTP namespaces)", async () => {
        const graph = await graphOf(() => new DiscoverableService("web", {
            name: "web", namespace: { ...NAMESPACE, kind: "http" }, apiOnly: true, route53HealthCheck: { type: "HTTP", resourcePath: "/health" },
        }));
        assert.deepStrictEqual(graph.one(SERVICE, "web").inputs.healthCheckConfig, { type: "HTTP", resourcePath: "/health" });
    });

    it("uses a Route 53 health check alone in a public namespace (no custom health config by default)", async () => {
        const graph = await graphOf(() => new DiscoverableService("status", {
            name: "status", namespace: { ...NAMESPACE, kind: "public-dns" }, route53HealthCheck: { type: "HTTPS", resourcePath: "/health", failureThreshold: 2 },
        }));
        const inputs = graph.one(SERVICE, "status").inputs;
        assert.deepStrictEqual(inputs.healthCheckConfig, { type: "HTTPS", resourcePath: "/health", failureThreshold: 2 });
        assert.strictEqual(inputs.healthCheckCustomConfig, undefined);
    });

    it("lets a caller raise the TTL ceiling explicitly (the policy pack's maxTtlSeconds must then be raised too)", async () => {
        const graph = await graphOf(() => srvService("slow", { ttlSeconds: 120, maxTtlSeconds: 300 }));
        assert.deepStrictEqual((graph.one(SERVICE, "slow").inputs.dnsConfig as { dnsRecords: unknown }).dnsRecords, [{ type: "SRV", ttl: 120 }]);
    });
});

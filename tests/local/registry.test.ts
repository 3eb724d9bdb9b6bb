import * as assert from "assert";
import { CloudMapError } from "../../engine/local/cloudMapError";
import { LocalService, MAX_MULTIVALUE_ANSWERS, Registry } from "../../engine/local/registry";
import { PlannedService, PlannedTopology } from "../../engine/local/topology";

function service(name: string, overrides: Partial<PlannedService> = {}): PlannedService {
    return { urn: `urn:${name}`, name, namespace: "shop.internal", records: [{ type: "A", ttl: 10 }], routingPolicy: "MULTIVALUE", healthCheck: "custom", ...overrides };
}

const topology: PlannedTopology = {
    region: "eu-west-1",
    namespaces: [{ name: "shop.internal", kind: "private-dns" }],
    services: [
        service("multi"),
        service("weighted", { routingPolicy: "WEIGHTED" }),
        service("srv", { records: [{ type: "SRV", ttl: 10 }] }),
        service("unchecked", { healthCheck: "none" }),
        service("tables", { records: [] }),
    ],
    instances: [{ serviceUrn: "urn:tables", id: "orders", attributes: { tablename: "Orders" } }],
    warnings: [],
};

function ipInstance(registry: Registry, target: LocalService, n: number, extra: Record<string, string> = {}): void {
    registry.register(target, `i-${n}`, { AWS_INSTANCE_IPV4: `10.0.0.${n}`, ...extra }, "test");
}

describe("local: the registry", () => {
    let registry: Registry;
    let logs: string[];
    const named = (name: string) => registry.serviceNamed("shop.internal", name);

    beforeEach(() => {
        logs = [];
        registry = new Registry(topology, (message) => logs.push(message));
    });

    it("names namespaces and services with stable ids and ARNs in the plan's region", () => {
        const again = new Registry(topology);
        assert.deepStrictEqual(again.services.map((s) => s.id), registry.services.map((s) => s.id));
        assert.match(registry.namespaces[0].id, /^ns-[0-9a-f]{16}$/);
        assert.match(named("multi").arn, /^arn:aws:servicediscovery:eu-west-1:000000000000:service\/srv-[0-9a-f]{16}$/);
        assert.deepStrictEqual(registry.instances(named("tables")).map((i) => [i.id, i.attributes.tablename, i.source]), [["orders", "Orders", "the plan"]]);
    });

    it("answers MULTIVALUE with up to eight healthy instances and WEIGHTED with one", () => {
        for (let n = 1; n <= 10; n++) {
            ipInstance(registry, named("multi"), n);
            ipInstance(registry, named("weighted"), n);
        }
        const hasAddress = () => true;
        const multi = registry.dnsAnswerInstances(named("multi"), hasAddress);
        assert.strictEqual(multi.length, MAX_MULTIVALUE_ANSWERS);
        assert.strictEqual(new Set(multi.map((i) => i.id)).size, MAX_MULTIVALUE_ANSWERS);
        assert.strictEqual(registry.dnsAnswerInstances(named("weighted"), hasAddress).length, 1);
        // WEIGHTED picks at random: over many answers, more than one instance comes up.
        const picked = new Set(Array.from({ length: 50 }, () => registry.dnsAnswerInstances(named("weighted"), hasAddress)[0].id));
        assert.ok(picked.size > 1, `always ${[...picked].join()}`);
    });

    it("leaves unhealthy instances out of answers, and answers with them when none is healthy (Route 53 fails open)", () => {
        ipInstance(registry, named("multi"), 1);
        ipInstance(registry, named("multi"), 2);
        registry.setHealth(named("multi"), "i-1", "UNHEALTHY", "test");
        assert.deepStrictEqual(registry.dnsAnswerInstances(named("multi"), () => true).map((i) => i.id), ["i-2"]);
        registry.setHealth(named("multi"), "i-2", "UNHEALTHY", "test");
        assert.deepStrictEqual(registry.dnsAnswerInstances(named("multi"), () => true).map((i) => i.id).sort(), ["i-1", "i-2"]);
    });

    it("filters DiscoverInstances by QueryParameters, OptionalParameters (only when something matches) and health", () => {
        ipInstance(registry, named("multi"), 1, { version: "v1", zone: "a" });
        ipInstance(registry, named("multi"), 2, { version: "v1", zone: "b" });
        ipInstance(registry, named("multi"), 3, { version: "v2", zone: "a" });
        const ids = (filter: Parameters<Registry["discover"]>[1]) => registry.discover(named("multi"), filter).map((i) => i.id).sort();
        assert.deepStrictEqual(ids({ queryParameters: { version: "v1" } }), ["i-1", "i-2"]);
        assert.deepStrictEqual(ids({ queryParameters: { version: "v1" }, optionalParameters: { zone: "b" } }), ["i-2"]);
        assert.deepStrictEqual(ids({ queryParameters: { version: "v1" }, optionalParameters: { zone: "c" } }), ["i-1", "i-2"]);
        assert.deepStrictEqual(ids({ maxResults: 2 }).length, 2);
        registry.setHealth(named("multi"), "i-1", "UNHEALTHY", "test");
        assert.deepStrictEqual(ids({}), ["i-2", "i-3"]);
        assert.deepStrictEqual(ids({ healthStatus: "UNHEALTHY" }), ["i-1"]);
        assert.deepStrictEqual(ids({ healthStatus: "ALL" }), ["i-1", "i-2", "i-3"]);
        registry.setHealth(named("multi"), "i-2", "UNHEALTHY", "test");
        registry.setHealth(named("multi"), "i-3", "UNHEALTHY", "test");
        assert.deepStrictEqual(ids({ healthStatus: "HEALTHY" }), []);
        assert.deepStrictEqual(ids({ healthStatus: "HEALTHY_OR_ELSE_ALL" }), ["i-1", "i-2", "i-3"]);
    });

    it("ignores the health filter of a service without a health check, as AWS does", () => {
        ipInstance(registry, named("unchecked"), 1);
        registry.setHealth(named("unchecked"), "i-1", "UNHEALTHY", "test");
        assert.strictEqual(registry.discover(named("unchecked"), { healthStatus: "HEALTHY" }).length, 1);
    });

    it("starts a custom-health instance as AWS_INIT_HEALTH_STATUS says", () => {
        ipInstance(registry, named("multi"), 1, { AWS_INIT_HEALTH_STATUS: "UNHEALTHY" });
        assert.strictEqual(registry.instance(named("multi"), "i-1").health, "UNHEALTHY");
    });

    it("counts registrations and deregistrations in the revision, not health changes", () => {
        const start = registry.revision(named("multi"));
        ipInstance(registry, named("multi"), 1);
        registry.setHealth(named("multi"), "i-1", "UNHEALTHY", "test");
        registry.deregister(named("multi"), "i-1");
        assert.strictEqual(registry.revision(named("multi")), start + 2);
    });

    it("logs an instance turning unhealthy with the staleness the plan estimates for AWS", () => {
        const srv = new Registry({ ...topology, services: [service("srv", { records: [{ type: "SRV", ttl: 10 }], staleness: { seconds: 40, healthDelaySeconds: 30, ttlSeconds: 10 } })] }, (m) => logs.push(m));
        const target = srv.serviceNamed("shop.internal", "srv");
        srv.register(target, "task", { AWS_INSTANCE_IPV4: "127.0.0.1", AWS_INSTANCE_PORT: "8080" }, "test");
        srv.register(target, "other", { AWS_INSTANCE_IPV4: "127.0.0.1", AWS_INSTANCE_PORT: "8081" }, "test");
        srv.setHealth(target, "task", "UNHEALTHY", "probe failed");
        assert.match(logs.at(-1)!, /srv: task \(127\.0\.0\.1:8080\) is UNHEALTHY \(probe failed\); it leaves DNS answers .*up to 40 s \(30 s before Cloud Map acts on the report \+ 10 s TTL, as the plan estimates\)/);
        srv.setHealth(target, "other", "UNHEALTHY", "probe failed");
        assert.match(logs.at(-1)!, /srv: other .* is UNHEALTHY \(probe failed\); no instance of srv is healthy now, so DNS answers with all of them, as Route 53 does/);
    });

    const refused: [string, string, Record<string, string>, RegExp][] = [
        ["srv", "task", { AWS_INSTANCE_IPV4: "127.0.0.1" }, /srv: Attributes: The service publishes SRV records, so every instance needs AWS_INSTANCE_PORT/],
        ["srv", "task", { AWS_INSTANCE_PORT: "80" }, /needs AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6/],
        ["multi", "task", { AWS_INSTANCE_IPV4: "300.1.1.1" }, /Attributes\.AWS_INSTANCE_IPV4: .*300\.1\.1\.1.* is not a value AWS accepts for AWS_INSTANCE_IPV4/],
        ["srv", "task", { AWS_INSTANCE_IPV4: "127.0.0.1", AWS_INSTANCE_PORT: "99999" }, /99999.* is not a value AWS accepts for AWS_INSTANCE_PORT: it takes a port number from 1 to 65535/],
        ["multi", "no spaces", { AWS_INSTANCE_IPV4: "10.0.0.1" }, /InstanceId: "no spaces" is not a valid instance id/],
        ["tables", "orders", { ["k".repeat(256)]: "v" }, /Attributes\.k+: Attribute key of 256 characters/],
        ["multi", "task", { AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INIT_HEALTH_STATUS: "healthy" }, /healthy.* is not a value AWS accepts for AWS_INIT_HEALTH_STATUS/],
    ];
    for (const [name, id, attributes, message] of refused) {
        it(`refuses to register ${id} ${JSON.stringify(attributes).slice(0, 60)} in ${name}, as AWS would, and keeps what was there`, () => {
            const before = registry.instances(named(name)).map((i) => i.id);
            assert.throws(() => registry.register(named(name), id, attributes, "test"), (err: Error) =>
                err instanceof CloudMapError && err.code === "InvalidInput" && message.test(err.message));
            assert.deepStrictEqual(registry.instances(named(name)).map((i) => i.id), before);
        });
    }

    it("names what exists when a namespace, service or instance is not found", () => {
        assert.throws(() => registry.serviceNamed("nope.internal", "multi"), (err: CloudMapError) => err.code === "NamespaceNotFound" && /No namespace named nope\.internal \(local namespaces: shop\.internal\)/.test(err.message));
        assert.throws(() => registry.serviceNamed("shop.internal", "nope"), (err: CloudMapError) => err.code === "ServiceNotFound" && /services there: multi, weighted, srv, unchecked, tables/.test(err.message));
        assert.throws(() => registry.instance(named("tables"), "nope"), (err: CloudMapError) => err.code === "InstanceNotFound" && /instances: orders/.test(err.message));
        assert.throws(() => registry.service("srv-0000"), (err: CloudMapError) => err.code === "ServiceNotFound");
    });
});

import * as assert from "assert";
import * as path from "path";
import { connect, DiscoverableFargateService, DiscoverableFargateServiceArgs, HttpNamespace, ServiceConnectArgs } from "../../components";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { ResourceGraph } from "../../engine/resourceGraph";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";
import { assertRejects, graphOf, NAMESPACE, runExample, srvService } from "./fixtures";

const BASE = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"],
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" },
};
const CA = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012";
const HTTP_NAMESPACE = { name: "shop", namespaceId: "ns-0http0000000000", namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0http0000000000", kind: "http" as const };

const environmentOf = (graph: ResourceGraph, task: string): Record<string, string> =>
    Object.fromEntries(JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", task).inputs.containerDefinitions))[0].environment
        .map((e: { name: string; value: string }) => [e.name, e.value]));
const serviceConnectOf = (graph: ResourceGraph, name: string) => graph.one("aws:ecs/service:Service", name).inputs.serviceConnectConfiguration as Record<string, unknown>;

function connected(name: string, serviceConnect: Partial<ServiceConnectArgs> = {}, extra: Partial<DiscoverableFargateServiceArgs> = {}): DiscoverableFargateService {
    return new DiscoverableFargateService(name, {
        ...BASE, container: { image: "nginx:1.27", port: 8080 }, serviceConnect: { namespace: HTTP_NAMESPACE, name, ...serviceConnect }, ...extra,
    });
}

describe("QuickShip with Service Connect (quickship:discoveryMode=service-connect)", () => {
    let graph: ResourceGraph;
    let dns: ResourceGraph;
    before(async () => {
        ({ graph } = await runUnderMocks(quickshipProgram, { project: "quickship", config: { "quickship:discoveryMode": "service-connect" } }));
        ({ graph: dns } = await runUnderMocks(quickshipProgram, { project: "quickship" }));
    });

    it("serves inventory-manager as http://inventory-manager:80 in quickship.local, and makes order-processor a client", () => {
        const namespaceArn = graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "quickship-namespace").outputs.arn;
        const logs = (service: string) => ({
            logDriver: "awslogs",
            options: { "awslogs-group": `/ecs/dev/quickship.local/${service}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "service-connect" },
        });
        assert.deepStrictEqual(serviceConnectOf(graph, "quickship-inventory-manager"), {
            enabled: true,
            namespace: namespaceArn,
            services: [{ portName: "inventory-manager", discoveryName: "inventory-manager", clientAlias: [{ port: 80, dnsName: "inventory-manager" }] }],
            logConfiguration: logs("inventory-manager"),
        });
        assert.deepStrictEqual(serviceConnectOf(graph, "quickship-order-processor"), { enabled: true, namespace: namespaceArn, logConfiguration: logs("order-processor") });
        for (const name of ["quickship-inventory-manager", "quickship-order-processor"]) {
            const ecs = graph.one("aws:ecs/service:Service", name);
            assert.strictEqual(ecs.inputs.serviceRegistries, undefined);
            assert.strictEqual(ecs.options.deleteBeforeReplace, true, "a replacement must not collide with the old service's Service Connect names");
        }
    });

    it("names the served port in the task definition and sizes tasks for the proxy (512 CPU, 1024 MiB)", () => {
        const task = graph.one("aws:ecs/taskDefinition:TaskDefinition", "quickship-inventory-manager-task");
        assert.deepStrictEqual([task.inputs.cpu, task.inputs.memory], ["512", "1024"]);
        assert.deepStrictEqual(JSON.parse(String(task.inputs.containerDefinitions))[0].portMappings, [{ containerPort: 80, protocol: "tcp", name: "inventory-manager" }]);
        const client = JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", "quickship-order-processor-task").inputs.containerDefinitions))[0];
        assert.deepStrictEqual(client.portMappings, [{ containerPort: 80, protocol: "tcp" }], "a client only serves no named port");
    });

    it("hands order-processor the alias instead of SRV names, and still the table's discovery arguments", () => {
        assert.deepStrictEqual(environmentOf(graph, "quickship-order-processor-task"), {
            INVENTORY_MANAGER_HOST: "inventory-manager", INVENTORY_MANAGER_PORT: "80", INVENTORY_MANAGER_URL: "http://inventory-manager:80",
            USER_AUTH_DB_NAMESPACE: "quickship.local", USER_AUTH_DB_SERVICE: "user-auth-db",
        });
    });

    it("admits order-processor into inventory-manager on 80 only; grants DiscoverInstances for the table, none for the Service Connect call", () => {
        const sg = (name: string) => graph.one("aws:ec2/securityGroup:SecurityGroup", `quickship-${name}-sg`).id;
        const ingress = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepStrictEqual(ingress.map((r) => [r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort]),
            [[sg("inventory-manager"), sg("order-processor"), 80, 80]]);
        assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name), ["quickship-order-processor-reads-user-auth-db"]);
    });

    it("keeps the table an API-only instance, and creates no DNS Cloud Map service for the ECS services", () => {
        assert.deepStrictEqual(graph.ofType("aws:servicediscovery/service:Service").map((s) => [s.inputs.name, s.inputs.type]), [["user-auth-db", "HTTP"]]);
        assert.deepStrictEqual(graph.one("aws:servicediscovery/instance:Instance", "quickship-user-auth-db").inputs.attributes, { tablename: "UserAuth", environment: "prod" });
    });

    it("leaves the DNS mode's graph as it was: SRV services registered, no Service Connect anywhere", () => {
        assert.deepStrictEqual(dns.ofType("aws:servicediscovery/service:Service").map((s) => s.inputs.name).sort(), ["inventory-manager", "order-processor", "user-auth-db"]);
        assert.ok(dns.ofType("aws:ecs/service:Service").every((s) => s.inputs.serviceConnectConfiguration === undefined && s.inputs.serviceRegistries !== undefined));
        assert.ok(dns.ofType("aws:ecs/taskDefinition:TaskDefinition").every((t) => t.inputs.cpu === "256" && t.inputs.memory === "512"));
    });

    it("refuses a discovery mode it does not know, naming the argument", () =>
        assert.rejects(runUnderMocks(quickshipProgram, { project: "quickship", config: { "quickship:discoveryMode": "Service-Connect" } }),
            /discoveryMode: "Service-Connect" is not one of "dns", "service-connect" \(values are case-sensitive\)/));
});

describe("payments with Service Connect (payments:discoveryMode=service-connect)", () => {
    let graph: ResourceGraph;
    const sgOf = (service: string) => graph.one("aws:ec2/securityGroup:SecurityGroup", `${service}-sg`).id;
    before(async () => {
        ({ graph } = await runExample(path.join(__dirname, "..", "..", "examples", "payments"), { "payments:discoveryMode": "service-connect" }));
    });

    it("admits the same five calls as in DNS mode, with no discovery grants (the proxies resolve the aliases)", () => {
        const edges = [["api", "ledger"], ["api", "fraud"], ["fraud", "ledger"], ["ledger", "notifier"], ["notifier", "api"]];
        const admitted = graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => `${r.inputs.referencedSecurityGroupId}->${r.inputs.securityGroupId}:${r.inputs.fromPort}`);
        assert.deepStrictEqual(admitted.sort(), edges.map(([caller, callee]) => `${sgOf(caller)}->${sgOf(callee)}:8080`).sort());
        assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-discover")), []);
    });

    it("serves each service as http://<name>:8080 and tells each caller its callees' aliases", () => {
        for (const service of ["api", "ledger", "fraud", "notifier"]) {
            const services = serviceConnectOf(graph, service).services as { clientAlias: unknown; discoveryName: string }[];
            assert.deepStrictEqual(services.map((s) => [s.discoveryName, s.clientAlias]), [[service, [{ port: 8080, dnsName: service }]]]);
        }
        const alias = (name: string) => ({ [`${name.toUpperCase()}_URL`]: `http://${name}:8080`, [`${name.toUpperCase()}_HOST`]: name, [`${name.toUpperCase()}_PORT`]: "8080" });
        assert.deepStrictEqual(environmentOf(graph, "api-task"), { ...alias("ledger"), ...alias("fraud") });
        assert.deepStrictEqual(environmentOf(graph, "notifier-task"), alias("api"));
        assert.deepStrictEqual(environmentOf(graph, "ledger-task"), { ...alias("notifier"), SETTLEMENTS_NAMESPACE: "payments.internal", SETTLEMENTS_SERVICE: "settlements" });
        assert.deepStrictEqual(graph.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name).filter((n) => n.includes("reads")), ["ledger-reads-settlements"]);
    });
});

describe("DiscoverableFargateService with Service Connect", () => {
    it("sets timeouts, TLS from a Private CA, an application protocol and no proxy logs when asked", async () => {
        const graph = await graphOf(() => connected("orders", {
            appProtocol: "http", idleTimeoutSeconds: 120, perRequestTimeoutSeconds: 10, proxyLogs: false,
            tls: { certificateAuthorityArn: CA, roleArn: "arn:aws:iam::123456789012:role/ecs-tls" }, clientAliasDnsName: "orders.shop", clientAliasPort: 80,
        }));
        assert.deepStrictEqual(serviceConnectOf(graph, "orders"), {
            enabled: true, namespace: HTTP_NAMESPACE.namespaceArn,
            services: [{
                portName: "orders", discoveryName: "orders", clientAlias: [{ port: 80, dnsName: "orders.shop" }],
                timeout: { idleTimeoutSeconds: 120, perRequestTimeoutSeconds: 10 },
                tls: { issuerCertAuthority: { awsPcaAuthorityArn: CA }, roleArn: "arn:aws:iam::123456789012:role/ecs-tls" },
            }],
        });
        const [container] = JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", "orders-task").inputs.containerDefinitions));
        assert.deepStrictEqual(container.portMappings, [{ containerPort: 8080, protocol: "tcp", name: "orders", appProtocol: "http" }]);
    });

    it("serves through Service Connect beside a DNS registration under another name", async () => {
        const graph = await graphOf(() => new DiscoverableFargateService("orders", {
            ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("orders"),
            serviceConnect: { namespace: { ...NAMESPACE, namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef" }, name: "orders-mesh" },
        }));
        const ecs = graph.one("aws:ecs/service:Service", "orders").inputs;
        assert.ok(ecs.serviceRegistries !== undefined && ecs.serviceConnectConfiguration !== undefined);
    });

    it("lets a client in the namespace call a Service Connect server, created with an HttpNamespace component", async () => {
        const graph = await graphOf(() => {
            const namespace = new HttpNamespace("shop", { name: "shop" });
            const catalog = new DiscoverableFargateService("catalog", { ...BASE, container: { image: "nginx", port: 9000 }, serviceConnect: { namespace, name: "catalog" } });
            const web = new DiscoverableFargateService("web", { ...BASE, container: { image: "nginx", port: 8080 }, serviceConnect: { namespace, name: "web", server: false } });
            connect(web, catalog);
        });
        assert.deepStrictEqual(environmentOf(graph, "web-task"), { CATALOG_HOST: "catalog", CATALOG_PORT: "9000", CATALOG_URL: "http://catalog:9000" });
        assert.strictEqual(graph.one("aws:servicediscovery/httpNamespace:HttpNamespace", "shop").inputs.name, "shop");
        assert.strictEqual(serviceConnectOf(graph, "web").namespace, graph.one("aws:servicediscovery/httpNamespace:HttpNamespace", "shop").outputs.arn);
    });

    describe("refuses what ECS rejects or what bites, in the component's terms", () => {
        const cases: [string, () => unknown, RegExp][] = [
            ["a public DNS namespace", () => connected("x", { namespace: { ...HTTP_NAMESPACE, kind: "public-dns" } }),
                /serviceConnect.namespace: "shop" is a public DNS namespace; Service Connect would accept it, but this package keeps internal services out/],
            ["a name in capitals (its discovery, port and alias name), reported once", () => connected("x", { name: "Orders" }),
                /invalid arguments:\n {2}- serviceConnect.name: "Orders" is not a port name: up to 64 lowercase letters.*\[rule ecs-port-mapping-name\]$/],
            ["a port name with a space", () => connected("x", { portName: "my port" }), /serviceConnect.portName: "my port" is not a port name/],
            ["an application protocol in capitals", () => connected("x", { appProtocol: "HTTP" as never }), /serviceConnect.appProtocol: "HTTP" is not an application protocol ECS knows/],
            ["a client alias port out of range", () => connected("x", { clientAliasPort: 70000 }), /serviceConnect.clientAliasPort: 70000 is not a port \(0-65535/],
            ["a client alias name starting with a hyphen", () => connected("x", { clientAliasDnsName: "-orders" }), /serviceConnect.clientAliasDnsName: "-orders" is not a client alias name/],
            ["a per-request timeout on a TCP port", () => connected("x", { perRequestTimeoutSeconds: 5 }),
                /serviceConnect.perRequestTimeoutSeconds: A per-request timeout needs an HTTP-like application protocol/],
            ["TLS without a Private CA ARN", () => connected("x", { tls: { certificateAuthorityArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } }),
                /serviceConnect.tls.certificateAuthorityArn: .* is not an ACM Private CA ARN/],
            ["its DNS registration's name in the same namespace", () => new DiscoverableFargateService("x", {
                ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("orders"), serviceConnect: { namespace: NAMESPACE, name: "orders" },
            }), /serviceConnect.name: Service Connect would create a Cloud Map service "orders" in quickship.local, where the tasks already register for DNS/],
            ["its DNS registration's name in another case, in the namespace written in another case", () => new DiscoverableFargateService("x", {
                ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("Orders"), serviceConnect: { namespace: { ...NAMESPACE, name: "QuickShip.local" }, name: "orders" },
            }), /serviceConnect.name: Service Connect would create a Cloud Map service "orders" in QuickShip.local, where the tasks already register for DNS/],
            ["a container leaving the proxy under 64 MiB", () => connected("x", {}, { container: { image: "nginx", port: 8080, memoryMiB: 1000 } }),
                /container.memoryMiB: The containers take 1000 of the task's 1024 MiB, leaving 24 MiB for the Service Connect proxy/],
            ["Fargate platform version 1.3.0", () => connected("x", {}, { platformVersion: "1.3.0" }),
                /platformVersion: Platform version 1.3.0 does not support Service Connect, which need 1.4.0 or later/],
            ["neither DNS discovery nor Service Connect", () => new DiscoverableFargateService("x", { ...BASE, container: { image: "nginx", port: 8080 } }),
                /discovery: Neither a Cloud Map service for DNS discovery nor Service Connect was given/],
        ];
        for (const [what, program, pattern] of cases) {
            it(what, () => assertRejects(program, /DiscoverableFargateService "x" has invalid arguments/, pattern, /Fix: /));
        }

        it("a second Service Connect server of one name in a namespace: ECS creates a Cloud Map service of that name for each", () => assertRejects(() => {
            connected("orders-a", { name: "orders" });
            connected("orders-b", { name: "orders" });
        }, /DiscoverableFargateService "orders-b" has invalid arguments/,
        /serviceConnect.name: "orders" is already the name of a service in this namespace \(declared at the Service Connect name of DiscoverableFargateService "orders-a"\).*\[rule cloudmap-service-name-unique\]/));

        it("a Service Connect name already taken by a DiscoverableService in the namespace, whichever comes first", async () => {
            await assertRejects(() => {
                srvService("orders", { namespace: HTTP_NAMESPACE, apiOnly: true });
                connected("x", { name: "orders" });
            }, /serviceConnect.name: "orders" is already the name of a service in this namespace \(declared at the DiscoverableService "orders"\)/);
            await assertRejects(() => {
                connected("x", { name: "orders" });
                srvService("orders", { namespace: HTTP_NAMESPACE, apiOnly: true });
            }, /DiscoverableService "orders"/, /name: "orders" is already the name of a service in this namespace \(declared at the Service Connect name of DiscoverableFargateService "x"\)/);
        });

        it("accepts clients of one name (they create no Cloud Map service) and one server name in two namespaces", async () => {
            const graph = await graphOf(() => {
                connected("client-a", { name: "web", server: false });
                connected("client-b", { name: "web", server: false });
                connected("in-shop", { name: "orders" });
                connected("in-other", { name: "orders", namespace: { ...HTTP_NAMESPACE, name: "other", namespaceId: "ns-0other000000000" } });
            });
            assert.strictEqual(graph.ofType("aws:ecs/service:Service").length, 4);
        });

        it("a DNS-only caller of a Service Connect-only service, which could not resolve its name", () => assertRejects(() => {
            const catalog = connected("catalog");
            const web = new DiscoverableFargateService("web", { ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("web") });
            connect(web, catalog);
        }, /ServiceEdge "web-to-catalog"/, /callee.serviceConnect: catalog is reachable only through Service Connect in shop, and the caller does not use Service Connect/,
        /server: false/));
    });
});


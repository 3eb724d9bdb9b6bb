import {
    DeregisterInstanceCommand, DiscoverInstancesCommand, GetInstancesHealthStatusCommand, GetNamespaceCommand, GetServiceCommand,
    ListInstancesCommand, ListNamespacesCommand, ListServicesCommand, RegisterInstanceCommand, ServiceDiscoveryClient,
    ServiceDiscoveryServiceException, UpdateInstanceCustomHealthStatusCommand,
} from "@aws-sdk/client-servicediscovery";
import * as assert from "assert";
import { execFile } from "child_process";
import * as dgram from "dgram";
import * as dns from "dns";
import * as dnsPacket from "dns-packet";
import * as net from "net";
import * as path from "path";
import { promisify } from "util";
import { LocalCloudMap, startLocalCloudMap } from "../../engine/local/localCloudMap";
import { topologyOf } from "../../engine/local/topology";
import { planProgram } from "../../engine/plan";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const credentials = { accessKeyId: "local", secretAccessKey: "local" };

/** The QuickShip plan served in-process, with one inventory-manager process registered at 127.0.0.1:8080. */
describe("local: DNS and the Cloud Map API, through real clients", function () {
    this.timeout(60_000);
    let local: LocalCloudMap;
    let resolver: dns.promises.Resolver;
    let client: ServiceDiscoveryClient;
    const logs: string[] = [];
    const inventoryManager = () => local.registry.serviceNamed("quickship.local", "inventory-manager");

    before(async () => {
        const plan = await planProgram(REPO_ROOT, { policyPack: false });
        local = await startLocalCloudMap(topologyOf(plan), {
            dnsPort: 0,
            apiPort: 0,
            registrations: [{ service: "inventory-manager", host: "127.0.0.1", port: 8080 }],
            log: (message) => logs.push(message),
        });
        resolver = new dns.promises.Resolver();
        resolver.setServers([local.dns.address]);
        // As the README says for the JavaScript SDK v3: the endpoint, and no `data-` host prefix.
        client = new ServiceDiscoveryClient({ endpoint: local.api.url, region: "us-east-1", credentials, disableHostPrefix: true });
    });

    after(async () => {
        client?.destroy();
        await local?.close();
    });

    it("gives each service's local process its container's variables, with the port its local instances registered", () => {
        const orderProcessor = local.document.services.find((s) => s.name === "order-processor")!;
        assert.strictEqual(orderProcessor.environment?.INVENTORY_MANAGER_PORT, "8080");
        assert.strictEqual(orderProcessor.environment?.INVENTORY_MANAGER_SRV_NAME, "inventory-manager.quickship.local");
        assert.deepStrictEqual(local.document.services.find((s) => s.name === "user-auth-db")?.environment, null);
    });

    describe("DNS (dns.promises.Resolver)", () => {
        it("answers SRV for inventory-manager with the registered port, priority and weight 1, and an <id>.<service>.<namespace> target", async () => {
            const [instance] = local.registry.instances(inventoryManager());
            assert.deepStrictEqual(await resolver.resolveSrv("inventory-manager.quickship.local"), [
                { name: `${instance.id}.inventory-manager.quickship.local`, port: 8080, priority: 1, weight: 1 },
            ]);
            assert.match(instance.id, /^[0-9a-f]{32}$/);
        });

        it("resolves the SRV target to the instance's address, with the service's TTL of 10", async () => {
            const [target] = await resolver.resolveSrv("inventory-manager.quickship.local");
            assert.deepStrictEqual(await resolver.resolve4(target.name, { ttl: true }), [{ address: "127.0.0.1", ttl: 10 }]);
        });

        it("gives the SRV record itself TTL 10 and the authoritative flag (over UDP, read with dns-packet)", async () => {
            const response = await queryUdp(local.dns.port, "inventory-manager.quickship.local", "SRV");
            assert.strictEqual(response.rcode, "NOERROR");
            assert.strictEqual(response.flag_aa, true);
            assert.deepStrictEqual(response.answers.map((a) => [a.type, a.ttl]), [["SRV", 10]]);
            assert.deepStrictEqual(response.additionals.filter((a) => a.type === "A").map((a) => a.data), ["127.0.0.1"]);
        });

        it("answers over TCP too (two-byte length prefix)", async () => {
            const response = await queryTcp(local.dns.port, "inventory-manager.quickship.local", "SRV");
            assert.strictEqual(response.rcode, "NOERROR");
            assert.deepStrictEqual(response.answers.map((a) => (a.data as dnsPacket.SrvData).port), [8080]);
        });

        it("answers NXDOMAIN for an unknown service in the namespace, NODATA for a type the service lacks, REFUSED outside it", async () => {
            await assert.rejects(resolver.resolveSrv("no-such-service.quickship.local"), { code: "ENOTFOUND" });
            // An API-only service has no records, so no name either.
            await assert.rejects(resolver.resolve4("user-auth-db.quickship.local"), { code: "ENOTFOUND" });
            await assert.rejects(resolver.resolve4("inventory-manager.quickship.local"), { code: "ENODATA" });
            await assert.rejects(resolver.resolve4("example.com"), { code: "EREFUSED" });
            const nx = await queryUdp(local.dns.port, "no-such-service.quickship.local", "SRV");
            assert.deepStrictEqual([nx.rcode, nx.authorities.map((a) => a.type)], ["NXDOMAIN", ["SOA"]]);
        });

        it("answers with at most eight of many instances, and truncates over UDP only what TCP then carries", async () => {
            const service = inventoryManager();
            const ids = Array.from({ length: 12 }, (_, n) => `bulk-${n}`);
            ids.forEach((id, n) => local.registry.register(service, id, { AWS_INSTANCE_IPV4: `127.0.1.${n + 1}`, AWS_INSTANCE_PORT: "9000" }, "test"));
            try {
                const records = await resolver.resolveSrv("inventory-manager.quickship.local");
                assert.strictEqual(records.length, 8);
                const tcp = await queryTcp(local.dns.port, "inventory-manager.quickship.local", "SRV");
                assert.strictEqual(tcp.answers.length, 8);
                assert.strictEqual(tcp.additionals.filter((a) => a.type === "A").length, 8);
            } finally {
                ids.forEach((id) => local.registry.deregister(service, id));
            }
        });
    });

    describe("Cloud Map API (@aws-sdk/client-servicediscovery)", () => {
        it("DiscoverInstances finds the UserAuth table registered by the plan", async () => {
            const { Instances, InstancesRevision } = await client.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "user-auth-db" }));
            assert.deepStrictEqual(Instances?.map((i) => [i.InstanceId, i.ServiceName, i.NamespaceName, i.Attributes]), [
                ["user-auth-table", "user-auth-db", "quickship.local", { tablename: "UserAuth", environment: "prod" }],
            ]);
            assert.strictEqual(typeof InstancesRevision, "number");
        });

        it("RegisterInstance puts a new instance in DNS answers, DeregisterInstance takes it out", async () => {
            const serviceId = inventoryManager().id;
            const { OperationId } = await client.send(new RegisterInstanceCommand({
                ServiceId: serviceId, InstanceId: "dev-laptop", Attributes: { AWS_INSTANCE_IPV4: "127.0.0.2", AWS_INSTANCE_PORT: "9090" },
            }));
            assert.ok(OperationId);
            const withLaptop = await resolver.resolveSrv("inventory-manager.quickship.local");
            assert.deepStrictEqual(withLaptop.filter((r) => r.port === 9090).map((r) => r.name), ["dev-laptop.inventory-manager.quickship.local"]);
            assert.deepStrictEqual(await resolver.resolve4("dev-laptop.inventory-manager.quickship.local"), ["127.0.0.2"]);
            await client.send(new DeregisterInstanceCommand({ ServiceId: serviceId, InstanceId: "dev-laptop" }));
            assert.deepStrictEqual((await resolver.resolveSrv("inventory-manager.quickship.local")).map((r) => r.port), [8080]);
            await assert.rejects(resolver.resolve4("dev-laptop.inventory-manager.quickship.local"), { code: "ENOTFOUND" });
        });

        it("UpdateInstanceCustomHealthStatus takes an unhealthy instance out of DNS and healthy DiscoverInstances results", async () => {
            const service = inventoryManager();
            await client.send(new RegisterInstanceCommand({ ServiceId: service.arn, InstanceId: "sick", Attributes: { AWS_INSTANCE_IPV4: "127.0.0.3", AWS_INSTANCE_PORT: "7070" } }));
            try {
                await client.send(new UpdateInstanceCustomHealthStatusCommand({ ServiceId: service.id, InstanceId: "sick", Status: "UNHEALTHY" }));
                assert.deepStrictEqual((await resolver.resolveSrv("inventory-manager.quickship.local")).map((r) => r.port), [8080]);
                const healthy = await client.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "inventory-manager" }));
                assert.ok(!healthy.Instances?.some((i) => i.InstanceId === "sick"));
                const all = await client.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "inventory-manager", HealthStatus: "ALL" }));
                assert.deepStrictEqual(all.Instances?.find((i) => i.InstanceId === "sick")?.HealthStatus, "UNHEALTHY");
                const { Status } = await client.send(new GetInstancesHealthStatusCommand({ ServiceId: service.id, Instances: ["sick"] }));
                assert.deepStrictEqual(Status, { sick: "UNHEALTHY" });
            } finally {
                await client.send(new DeregisterInstanceCommand({ ServiceId: service.id, InstanceId: "sick" }));
            }
        });

        it("lists and gets namespaces, services and instances in the API's shapes", async () => {
            const { Namespaces } = await client.send(new ListNamespacesCommand({ Filters: [{ Name: "TYPE", Values: ["DNS_PRIVATE"], Condition: "EQ" }] }));
            assert.deepStrictEqual(Namespaces?.map((ns) => [ns.Name, ns.Type, ns.ServiceCount, ns.Properties?.HttpProperties?.HttpName]), [["quickship.local", "DNS_PRIVATE", 3, "quickship.local"]]);
            assert.ok(Namespaces![0].CreateDate instanceof Date);
            const { Namespace } = await client.send(new GetNamespaceCommand({ Id: Namespaces![0].Id }));
            assert.strictEqual(Namespace?.Arn, Namespaces![0].Arn);
            const { Services } = await client.send(new ListServicesCommand({ Filters: [{ Name: "NAMESPACE_ID", Values: [Namespace!.Id!] }] }));
            assert.deepStrictEqual(Services?.map((s) => [s.Name, s.Type, s.DnsConfig?.DnsRecords?.map((r) => `${r.Type}/${r.TTL}`), s.DnsConfig?.RoutingPolicy]), [
                ["user-auth-db", "HTTP", undefined, undefined],
                ["inventory-manager", "DNS_HTTP", ["SRV/10"], "MULTIVALUE"],
                ["order-processor", "DNS_HTTP", ["SRV/10"], "MULTIVALUE"],
            ]);
            const { Service } = await client.send(new GetServiceCommand({ Id: inventoryManager().arn }));
            assert.deepStrictEqual([Service?.Name, Service?.HealthCheckCustomConfig, Service?.InstanceCount], ["inventory-manager", { FailureThreshold: 1 }, 1]);
            const { Instances } = await client.send(new ListInstancesCommand({ ServiceId: Services![0].Id }));
            assert.deepStrictEqual(Instances?.map((i) => i.Id), ["user-auth-table"]);
        });

        it("pages ListInstances with MaxResults and NextToken", async () => {
            const service = inventoryManager();
            ["p-1", "p-2"].forEach((id, n) => local.registry.register(service, id, { AWS_INSTANCE_IPV4: `127.0.2.${n + 1}`, AWS_INSTANCE_PORT: "1" }, "test"));
            try {
                const first = await client.send(new ListInstancesCommand({ ServiceId: service.id, MaxResults: 2 }));
                const second = await client.send(new ListInstancesCommand({ ServiceId: service.id, MaxResults: 2, NextToken: first.NextToken }));
                assert.strictEqual(second.NextToken, undefined);
                assert.deepStrictEqual([...first.Instances!, ...second.Instances!].map((i) => i.Id).sort(), [local.registry.instances(service)[0].id, "p-1", "p-2"].sort());
            } finally {
                ["p-1", "p-2"].forEach((id) => local.registry.deregister(service, id));
            }
        });

        const badRequests: [string, () => Promise<unknown>, string, RegExp][] = [
            ["an unknown service", () => client.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "payments" })),
                "ServiceNotFound", /No service named payments in quickship\.local \(services there: user-auth-db, inventory-manager, order-processor\)/],
            ["an unknown namespace", () => client.send(new DiscoverInstancesCommand({ NamespaceName: "shop.local", ServiceName: "user-auth-db" })),
                "NamespaceNotFound", /No namespace named shop\.local/],
            ["an SRV instance without a port", () => client.send(new RegisterInstanceCommand({ ServiceId: inventoryManager().id, InstanceId: "x", Attributes: { AWS_INSTANCE_IPV4: "127.0.0.9" } })),
                "InvalidInput", /needs AWS_INSTANCE_PORT \(the SRV record's port\)/],
            ["31 custom attributes", () => client.send(new RegisterInstanceCommand({
                ServiceId: local.registry.serviceNamed("quickship.local", "user-auth-db").id, InstanceId: "big",
                Attributes: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, "v"])),
            })), "InvalidInput", /31 custom attributes; RegisterInstance accepts at most 30/],
            ["an unknown service id", () => client.send(new GetServiceCommand({ Id: "srv-doesnotexist" })), "ServiceNotFound", /srv-doesnotexist/],
            ["a health report for a service without custom health", () => client.send(new UpdateInstanceCustomHealthStatusCommand({
                ServiceId: local.registry.serviceNamed("quickship.local", "user-auth-db").id, InstanceId: "user-auth-table", Status: "UNHEALTHY",
            })), "CustomHealthNotFound", /no custom health check/],
            ["MaxResults out of range", () => client.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "user-auth-db", MaxResults: 5000 })),
                "InvalidInput", /MaxResults must be a whole number from 1 to 1000, got 5000/],
        ];
        for (const [what, send, code, message] of badRequests) {
            it(`answers ${what} with the AWS error ${code} (HTTP 400)`, async () => {
                await assert.rejects(send(), (err: ServiceDiscoveryServiceException) => {
                    assert.strictEqual(err.name, code);
                    assert.strictEqual(err.$metadata.httpStatusCode, 400);
                    assert.match(err.message, message);
                    return true;
                });
            });
        }

        it("is what the README says: without disableHostPrefix, the JavaScript SDK v3 sends DiscoverInstances to data-127.0.0.1", async () => {
            const plain = new ServiceDiscoveryClient({ endpoint: local.api.url, region: "us-east-1", credentials, maxAttempts: 1 });
            try {
                const { Namespaces } = await plain.send(new ListNamespacesCommand({}));
                assert.strictEqual(Namespaces?.length, 1);
                await assert.rejects(plain.send(new DiscoverInstancesCommand({ NamespaceName: "quickship.local", ServiceName: "user-auth-db" })), /data-127\.0\.0\.1/);
            } finally {
                plain.destroy();
            }
        });
    });

    describe("the AWS CLI (when installed)", () => {
        const run = promisify(execFile);
        const aws = (args: string[], env: Record<string, string>) => run("aws", ["servicediscovery", ...args, "--output", "json"], {
            env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", ...env },
        });
        let installed = false;
        before(async function () {
            installed = await run("aws", ["--version"]).then(() => true, () => false);
            if (!installed) {
                this.skip();
            }
        });

        it("works with the environment cloudmap-local prints: AWS_ENDPOINT_URL_SERVICEDISCOVERY and AWS_DISABLE_HOST_PREFIX_INJECTION", async () => {
            const { stdout } = await aws(["discover-instances", "--namespace-name", "quickship.local", "--service-name", "user-auth-db"], local.document.environment);
            assert.strictEqual(JSON.parse(stdout).Instances[0].Attributes.tablename, "UserAuth");
        });

        it("works with --endpoint-url plus AWS_DISABLE_HOST_PREFIX_INJECTION=true, and fails without it (data- prefix)", async () => {
            const args = ["discover-instances", "--namespace-name", "quickship.local", "--service-name", "user-auth-db", "--endpoint-url", local.api.url];
            const [withSetting, without, listed] = await Promise.all([
                aws(args, { AWS_DISABLE_HOST_PREFIX_INJECTION: "true" }),
                aws([...args, "--cli-connect-timeout", "2"], { AWS_MAX_ATTEMPTS: "1" }).then(() => undefined, (err: { stderr: string }) => err.stderr),
                aws(["list-services", "--endpoint-url", local.api.url], {}),
            ]);
            assert.strictEqual(JSON.parse(withSetting.stdout).Instances[0].InstanceId, "user-auth-table");
            assert.match(String(without), /data-127\.0\.0\.1/);
            assert.strictEqual(JSON.parse(listed.stdout).Services.length, 3);
        });
    });
});

/** What dns-packet decodes (its published types leave out the header fields and record data). */
interface Reply {
    readonly rcode: string;
    readonly flag_aa: boolean;
    readonly answers: readonly DecodedRecord[];
    readonly authorities: readonly DecodedRecord[];
    readonly additionals: readonly DecodedRecord[];
}
interface DecodedRecord {
    readonly type: string;
    readonly ttl?: number;
    readonly data?: unknown;
}

function queryUdp(port: number, name: string, type: dnsPacket.RecordType): Promise<Reply> {
    const socket = dgram.createSocket("udp4");
    return new Promise<Reply>((resolve, reject) => {
        socket.once("message", (message) => resolve(dnsPacket.decode(message) as unknown as Reply));
        socket.once("error", reject);
        socket.send(dnsPacket.encode({ type: "query", id: 7, questions: [{ type, name }] }), port, "127.0.0.1");
    }).finally(() => socket.close());
}

function queryTcp(port: number, name: string, type: dnsPacket.RecordType): Promise<Reply> {
    const socket = net.connect({ port, host: "127.0.0.1" });
    let received = Buffer.alloc(0);
    return new Promise<Reply>((resolve, reject) => {
        socket.on("data", (chunk) => {
            received = Buffer.concat([received, chunk]);
            if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
                resolve(dnsPacket.streamDecode(received) as unknown as Reply);
            }
        });
        socket.once("error", reject);
        socket.write(dnsPacket.streamEncode({ type: "query", id: 8, questions: [{ type, name }] }));
    }).finally(() => socket.destroy());
}

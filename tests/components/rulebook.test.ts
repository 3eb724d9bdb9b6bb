import * as assert from "assert";
import fc from "fast-check";
import {
    checkDnsConfig, checkFargateTaskSize, checkInstanceAttributeLimits, checkNamespaceName, checkNonIpInstanceAttributes, checkServiceRegistries,
    checkTtlCeiling, discoveryStalenessSeconds, findOpenIngress, findOverbroadGrants, formatFinding, MAX_CUSTOM_ATTRIBUTES,
} from "../../components/rules";
import { discoveryEnvironment } from "../../components";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);

describe("rulebook", () => {
    describe("DNS names (property-based)", () => {
        it("accepts every name made of valid labels within 253 characters", () => {
            fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 8 }), (labels) => {
                assert.deepStrictEqual(checkNamespaceName(labels.join(".")), []);
            }));
        });
        it("rejects any name containing a character outside letters, digits, hyphens, underscores and dots", () => {
            fc.assert(fc.property(label, fc.constantFrom(" ", "/", "*", "é", "\t"), label, (a, bad, b) => {
                assert.strictEqual(checkNamespaceName(`${a}${bad}${b}.local`)[0]?.rule, "cloudmap-namespace-dns-name");
            }));
        });
        it("accepts what Route 53 accepts as written: underscores and leading or trailing hyphens", () => {
            for (const name of ["_tcp.local", "my_ns.local", "-edge-.local", "_http._tcp.quickship.local"]) {
                assert.deepStrictEqual(checkNamespaceName(name), [], name);
            }
        });
    });

    describe("DNS records", () => {
        const records = (...types: string[]) => types.map((type) => ({ type, ttl: 10 }));
        for (const ok of [["SRV"], ["A"], ["AAAA"], ["A", "AAAA"], ["SRV", "A"]]) {
            it(`accepts ${ok.join("+")} with MULTIVALUE`, () => assert.deepStrictEqual(checkDnsConfig({ dnsRecords: records(...ok), routingPolicy: "MULTIVALUE" }), []));
        }
        it("accepts CNAME with WEIGHTED only", () => {
            assert.deepStrictEqual(checkDnsConfig({ dnsRecords: records("CNAME"), routingPolicy: "WEIGHTED" }), []);
            assert.deepStrictEqual(checkDnsConfig({ dnsRecords: records("CNAME") }).map((f) => f.rule), ["cloudmap-dns-cname-weighted"]);
        });
        it("rejects duplicate types and unknown types", () => {
            assert.deepStrictEqual(checkDnsConfig({ dnsRecords: records("SRV", "SRV") }).map((f) => f.rule), ["cloudmap-dns-record-combination"]);
            assert.deepStrictEqual(checkDnsConfig({ dnsRecords: records("MX") }).map((f) => f.path), ["dnsConfig.dnsRecords[0].type"]);
        });
        it("flags exactly the records above the ceiling (property-based)", () => {
            fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { maxLength: 5 }), fc.integer({ min: 0, max: 3600 }), (ttls, max) => {
                const findings = checkTtlCeiling(ttls.map((ttl) => ({ type: "SRV", ttl })), max);
                assert.deepStrictEqual(findings.map((f) => f.path), ttls.flatMap((ttl, i) => (ttl > max ? [`dnsConfig.dnsRecords[${i}].ttl`] : [])));
            }));
        });
    });

    describe("instance attributes (property-based)", () => {
        it("accepts any map within the limits and flags any map over the count", () => {
            const key = fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/);
            fc.assert(fc.property(fc.dictionary(key, fc.stringMatching(/^[a-zA-Z0-9]{1,40}$/), { minKeys: 1, maxKeys: 40 }), (attributes) => {
                const rules = checkInstanceAttributeLimits(attributes).map((f) => f.rule);
                assert.strictEqual(rules.includes("cloudmap-instance-attributes-count"), Object.keys(attributes).length > MAX_CUSTOM_ATTRIBUTES);
                assert.ok(rules.every((r) => r === "cloudmap-instance-attributes-count"));
            }));
        });
        it("AWS's limits allow AWS_INSTANCE_* keys; the non-IP conventions flag them and an empty map", () => {
            const ip = { AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "80" };
            assert.deepStrictEqual(checkInstanceAttributeLimits(ip), []);
            assert.deepStrictEqual(checkNonIpInstanceAttributes(ip).map((f) => f.path),
                ["attributes", "attributes.AWS_INSTANCE_IPV4", "attributes.AWS_INSTANCE_PORT"]);
            assert.deepStrictEqual(checkNonIpInstanceAttributes({ tablename: "UserAuth", AWS_INIT_HEALTH_STATUS: "HEALTHY" }), []);
        });
    });

    describe("ECS service registries", () => {
        const containers = [{ name: "app", portMappings: [{ containerPort: 8080 }] }];
        const rules = (registries: object[], ctx: object) => checkServiceRegistries(registries, { containers, ...ctx }).map((f) => f.rule);
        it("awsvpc + SRV: container pair or port, not both, not neither", () => {
            assert.deepStrictEqual(rules([{ containerName: "app", containerPort: 8080 }], { networkMode: "awsvpc", recordTypes: ["SRV"] }), []);
            assert.deepStrictEqual(rules([{ port: 8080 }], { networkMode: "awsvpc", recordTypes: ["SRV"] }), []);
            assert.deepStrictEqual(rules([{ port: 8080, containerName: "app", containerPort: 8080 }], { networkMode: "awsvpc", recordTypes: ["SRV"] }), ["ecs-service-registry-srv-port"]);
            assert.deepStrictEqual(rules([{}], { networkMode: "awsvpc", recordTypes: ["SRV"] }), ["ecs-service-registry-srv-port"]);
        });
        it("bridge/host need the container pair and SRV records", () => {
            assert.deepStrictEqual(rules([{ port: 8080 }], { networkMode: "bridge", recordTypes: ["A"] }),
                ["ecs-service-registry-bridge-host", "ecs-service-registry-bridge-host", "ecs-service-registry-a-only-port"]);
        });
        it("an A-only registry with a port, an unknown container, an unmapped port, two registries", () => {
            assert.deepStrictEqual(rules([{ containerName: "app", containerPort: 8080 }], { networkMode: "awsvpc", recordTypes: ["A"] }), ["ecs-service-registry-a-only-port"]);
            assert.deepStrictEqual(rules([{ containerName: "web", containerPort: 8080 }], { networkMode: "awsvpc", recordTypes: ["SRV"] }), ["ecs-service-registry-container-missing"]);
            assert.deepStrictEqual(rules([{ containerName: "app", containerPort: 9090 }], { networkMode: "awsvpc", recordTypes: ["SRV"] }), ["ecs-service-registry-port-unmapped"]);
            assert.deepStrictEqual(rules([{}, {}], { networkMode: "awsvpc", recordTypes: ["A"] }), ["ecs-service-registries-single"]);
        });
        it("says nothing it cannot know: unknown record types or network mode", () => {
            assert.deepStrictEqual(checkServiceRegistries([{ port: 1 }], {}), []);
        });
    });

    describe("IAM grants", () => {
        const doc = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
        it("flags wildcards, * resources on scopable actions, NotAction and unconditioned discovery", () => {
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:1:table/T" })).map((f) => f.path), ["policy.Statement[0].Action"]);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "*" })).map((f) => f.path), ["policy.Statement[0].Resource"]);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })).length, 1);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: "servicediscovery:DiscoverInstances", Resource: "*" })).map((f) => f.rule), ["iam-discovery-scoped"]);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: "*", Resource: "*" })).map((f) => f.rule), ["iam-least-privilege"]);
        });
        it("accepts scoped grants and ignores Deny", () => {
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" })), []);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Deny", Action: "*", Resource: "*" })), []);
        });
    });

    it("open ingress, Fargate sizes, staleness and finding format", () => {
        assert.deepStrictEqual(findOpenIngress([{ cidrs: ["10.0.0.0/8"], path: "a" }, { cidrs: ["::/0"], fromPort: 80, toPort: 80, path: "b" }]).map((f) => f.path), ["b"]);
        assert.deepStrictEqual(checkFargateTaskSize(1024, 3072), []);
        assert.strictEqual(checkFargateTaskSize(1024, 1024)[0].rule, "ecs-fargate-task-size");
        assert.strictEqual(checkFargateTaskSize(300, 1024)[0].path, "cpu");
        assert.strictEqual(discoveryStalenessSeconds({ ttlSeconds: 10, healthCheck: "custom" }), 40);
        assert.strictEqual(discoveryStalenessSeconds({ ttlSeconds: 60, healthCheck: "route53" }), 150);
        assert.strictEqual(formatFinding({ rule: "r", path: "p", message: "m.", fix: "f." }), "p: m. Fix: f. [rule r]");
    });

    it("discovery environment: SRV name, host/port for A, DiscoverInstances arguments for API-only", () => {
        assert.deepStrictEqual(discoveryEnvironment([
            { serviceName: "inventory-manager", namespaceName: "quickship.local", dnsRecordTypes: ["SRV"], port: 8080 },
            { serviceName: "web", namespaceName: "quickship.local", dnsRecordTypes: ["A"], port: 80 },
            { serviceName: "user-auth-db", namespaceName: "quickship.local", dnsRecordTypes: [] },
        ]), {
            INVENTORY_MANAGER_SRV_NAME: "inventory-manager.quickship.local", INVENTORY_MANAGER_PORT: "8080",
            WEB_HOST: "web.quickship.local", WEB_PORT: "80",
            USER_AUTH_DB_NAMESPACE: "quickship.local", USER_AUTH_DB_SERVICE: "user-auth-db",
        });
    });
});

import * as assert from "assert";
import { DiscoverableService, discoverInstancesStatement, dynamoDbReadStatement, policyDocument, RegisteredResource } from "../../components";
import { assertParentedByComponents, assertRejects, graphOf, NAMESPACE, srvService } from "./fixtures";

function apiOnly(): DiscoverableService {
    return new DiscoverableService("db", { name: "user-auth-db", namespace: NAMESPACE, apiOnly: true });
}

describe("RegisteredResource", () => {
    it("registers a non-IP instance with its custom attributes in the API-only service", async () => {
        const graph = await graphOf(() => new RegisteredResource("table", {
            service: apiOnly(), instanceId: "user-auth-table", attributes: { tablename: "UserAuth", environment: "prod" },
        }));
        const instance = graph.one("aws:servicediscovery/instance:Instance", "table");
        const service = graph.one("aws:servicediscovery/service:Service", "db");
        assert.deepStrictEqual(instance.inputs, { serviceId: service.id, instanceId: "user-auth-table", attributes: { tablename: "UserAuth", environment: "prod" } });
        assert.deepStrictEqual(instance.propertyDependencies.serviceId, [service.urn]);
        assert.strictEqual(instance.parent, graph.one("cloudmap-discovery:index:RegisteredResource", "table").urn);
        assertParentedByComponents(graph);
    });

    it("keeps statement ids unique within a policy document", async () => {
        let document = "";
        await graphOf(() => policyDocument([
            discoverInstancesStatement({ namespaceName: "a.local", serviceName: "db" }), discoverInstancesStatement({ namespaceName: "b.local", serviceName: "db" }),
        ]).apply((json) => (document = json)));
        assert.deepStrictEqual(JSON.parse(document).Statement.map((s: { Sid: string }) => s.Sid), ["DiscoverDb", "DiscoverDb2"]);
    });

    it("carries least-privilege read statements for consumers", () => {
        const statement = dynamoDbReadStatement("user-auth-db", "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth");
        assert.deepStrictEqual(statement.Action, ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"]);
        assert.strictEqual(statement.Sid, "ReadUserAuthDb");
    });

    describe("enforces RegisterInstance's limits at construction", () => {
        const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, "v"]));
        const cases: [string, Record<string, string>, RegExp][] = [
            ["no custom attribute", {}, /attributes: A non-IP instance is only useful through its custom attributes/],
            ["31 attributes", many, /attributes: 31 custom attributes; RegisterInstance accepts at most 30/],
            ["a 256-character key", { ["k".repeat(256)]: "v" }, /Attribute key of 256 characters/],
            ["a 1025-character value", { tablename: "v".repeat(1025) }, /attributes.tablename: The value is not 0-1024 printable ASCII characters \(got 1025 characters\)/],
            ["more than 5000 characters in all", Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, "v".repeat(999)])), /add up to 5005 characters; RegisterInstance accepts at most 5000/],
            ["an AWS_INSTANCE_IPV4 key", { tablename: "UserAuth", AWS_INSTANCE_IPV4: "10.0.0.1" }, /attributes.AWS_INSTANCE_IPV4: AWS_INSTANCE_IPV4 describes an IP or alias instance/],
        ];
        for (const [what, attributes, pattern] of cases) {
            it(`refuses ${what}`, () => assertRejects(
                () => new RegisteredResource("x", { service: apiOnly(), instanceId: "i-1", attributes }),
                /RegisteredResource "x" has invalid arguments/, pattern, /Fix: /));
        }
        it("refuses an instance id with a space", () => assertRejects(
            () => new RegisteredResource("x", { service: apiOnly(), instanceId: "user auth", attributes: { a: "b" } }),
            /instanceId: "user auth" is not a valid instance id/));
        it("refuses a DNS service", () => assertRejects(
            () => new RegisteredResource("x", { service: srvService("dns"), instanceId: "t", attributes: { a: "b" } }),
            /service: "dns" has DNS records/, /apiOnly: true/));
    });
});

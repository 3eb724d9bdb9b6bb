import * as assert from "assert";
import { connect, DiscoverableFargateService, RegisteredResource } from "../../components";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { assertRejects, NAMESPACE, srvService } from "./fixtures";

/**
 * Flags and enums other languages send as plain data: "true", "false" or "srv" must be refused
 * by name, not read as false, true or no record type (which would build a different edge, grant
 * or registration than the program asked for), and nothing may be created.
 */
const BASE = { cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" }, vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] };
const SERVICE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef";

async function assertRefusedWithNothingCreated(program: () => unknown, ...patterns: RegExp[]): Promise<void> {
    let created: string[] = [];
    await assert.rejects(runUnderMocks(() => { program(); }, {
        mocks: { newResource: (args) => { created.push(args.type); return { id: `${args.name}-id`, state: args.inputs }; }, call: () => ({}) },
    }), (error: Error) => {
        patterns.forEach((pattern) => assert.match(error.message, pattern));
        return true;
    });
    created = created.filter((type) => type.startsWith("aws:"));
    assert.deepStrictEqual(created, []);
}

describe("plain-data flags and enums from other languages", () => {
    it("refuses serviceConnect.server given as text, creating nothing", () => assertRefusedWithNothingCreated(() => {
        new DiscoverableFargateService("api", {
            ...BASE, container: { image: "nginx", port: 8080 },
            serviceConnect: { namespace: { name: "mesh", namespaceId: "ns-0123456789abcdef", kind: "http" }, name: "api", server: "false" as never },
        });
    }, /DiscoverableFargateService "api"/, /serviceConnect\.server: The setting is the text "(true|false)"; it must be true or false\./));

    it("refuses serviceConnect.proxyLogs given as a number", () => assertRejects(() => {
        new DiscoverableFargateService("api", {
            ...BASE, container: { image: "nginx", port: 8080 },
            serviceConnect: { namespace: { name: "mesh", namespaceId: "ns-0123456789abcdef", kind: "http" }, name: "api", proxyLogs: 0 as never },
        });
    }, /serviceConnect\.proxyLogs: The setting is the number 0; it must be true or false\./));

    it("refuses a discovery reference whose apiOnly is text, instead of registering tasks in it", () => assertRejects(() => {
        new DiscoverableFargateService("api", {
            ...BASE, container: { image: "nginx", port: 8080 },
            discovery: { name: "api", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, apiOnly: "true" as never },
        });
    }, /discovery\.apiOnly: The setting is the text "(true|false)"; it must be true or false\. .*\[rule value-boolean\]/));

    it("refuses a read resource whose service has a lower-case record type", () => assertRejects(() => {
        new DiscoverableFargateService("api", {
            ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("api"),
            reads: [{ service: { name: "db", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, dnsRecordTypes: ["srv" as never] }, readAccess: [] }],
        });
    }, /reads\[0\]\.service\.dnsRecordTypes\[0\]: "srv" is not one of "SRV"/));

    it("refuses a registration in a service whose apiOnly is text", () => assertRejects(() => {
        new RegisteredResource("db", { service: { name: "db", namespaceName: NAMESPACE.name, serviceArn: SERVICE_ARN, apiOnly: "true" as never }, instanceId: "db", attributes: { k: "v" } });
    }, /RegisteredResource "db"/, /service\.apiOnly: The setting is the text "(true|false)"; it must be true or false\./));

    it("refuses an edge to a callee whose namespace kind is not one of the kinds", () => assertRejects(() => {
        const caller = new DiscoverableFargateService("api", { ...BASE, container: { image: "nginx", port: 8080 }, discovery: srvService("api") });
        connect(caller, {
            securityGroupId: "sg-0bbbbbbbbbbbbbbbb", port: 9000,
            discovery: { name: "billing", namespaceName: "quickship.local", serviceArn: SERVICE_ARN, namespaceKind: "PRIVATE_DNS" as never },
        });
    }, /ServiceEdge/, /callee\.discovery\.namespaceKind: "PRIVATE_DNS" is not one of/));
});

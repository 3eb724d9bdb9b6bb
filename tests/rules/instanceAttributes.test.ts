import * as assert from "assert";
import fc from "fast-check";
import {
    checkInstanceAttributeLimits, checkInstanceId, checkNonIpInstanceAttributes, checkNonIpInstanceService, checkReservedAttributeValues,
    checkRoute53HealthCheckAttributes, keyPath,
} from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

// The documented pieces of RegisterInstance's AttrValue pattern, to generate values from.
const printable = fc.constantFrom(..."aZ9!~#{}\"'\\");
const inner = fc.constantFrom(..."aZ9!~ \t");

describe("rules: instance attributes", () => {
    it("accepts tabs and spaces after the first character, as AWS's AttrValue pattern does (even trailing), but not leading", () => {
        assert.deepStrictEqual(checkInstanceAttributeLimits({ columns: "id\tname\temail", note: "two  spaces", trailing: "x\t ", empty: "" }), []);
        for (const value of ["\tleading", " ", "line\nbreak", "é"]) {
            assertOne(checkInstanceAttributeLimits({ v: value }), "cloudmap-instance-attribute-value", "attributes.v",
                /spaces and tabs may follow a character but not start the value \(Cloud Map API, RegisterInstance\)/);
        }
    });

    it("accepts a value of 1024 characters and refuses 1025; a key of 255 and refuses 256", () => {
        assert.deepStrictEqual(checkInstanceAttributeLimits({ v: "x".repeat(1024), ["k".repeat(255)]: "x" }), []);
        assertOne(checkInstanceAttributeLimits({ v: "x".repeat(1025) }), "cloudmap-instance-attribute-value", "attributes.v", /not 0-1024 printable ASCII characters \(got 1025 characters\)/);
        assert.deepStrictEqual(rulesOf(checkInstanceAttributeLimits({ ["k".repeat(256)]: "x" })), ["cloudmap-instance-attribute-key"]);
    });

    it("reports values of the wrong type instead of throwing, and paths readable whatever the key", () => {
        assertOne(checkInstanceAttributeLimits({ "table-name": 42 }), "cloudmap-instance-attribute-value", 'attributes["table-name"]', /got the number 42\) \(/, /Pass the value as text/);
        assert.deepStrictEqual(checkInstanceAttributeLimits({ "my key": "v" }).map((f) => f.path), ['attributes["my key"]']);
        assertOne(checkInstanceAttributeLimits({ port: null }), "cloudmap-instance-attribute-value", "attributes.port", /got null/);
        assertOne(checkInstanceAttributeLimits(null), "cloudmap-instance-attribute-value", "attributes", /are null; an instance takes a map/);
        assert.strictEqual(keyPath("attributes", 'say "hi"\n'), 'attributes["say \\"hi\\"\\n"]');
        assert.strictEqual(keyPath("tags", "team:owner"), 'tags["team:owner"]');
        assert.strictEqual(keyPath("", "tablename"), "tablename");
    });

    it("accepts every value generated from the AttrValue pattern and refuses those with leading whitespace (property-based)", () => {
        const valid = fc.tuple(printable, fc.string({ unit: inner, maxLength: 50 }), printable).map(([a, b, c]) => a + b + c);
        fc.assert(fc.property(valid, (value) => assert.deepStrictEqual(checkInstanceAttributeLimits({ v: value }), [])), { numRuns: 200 });
        fc.assert(fc.property(valid, fc.constantFrom(" ", "\t"), (value, space) => {
            assert.deepStrictEqual(rulesOf(checkInstanceAttributeLimits({ v: space + value })), ["cloudmap-instance-attribute-value"]);
            assert.deepStrictEqual(checkInstanceAttributeLimits({ v: value + space }), []);
        }), { numRuns: 100 });
    });

    it("AWS-defined attributes hold only their documented values", () => {
        assert.deepStrictEqual(checkReservedAttributeValues({
            AWS_INIT_HEALTH_STATUS: "UNHEALTHY", AWS_INSTANCE_IPV4: "192.0.2.44", AWS_INSTANCE_IPV6: "2001:db8::1", AWS_INSTANCE_PORT: "65535",
            AWS_EC2_INSTANCE_ID: "i-0123456789abcdef0", AWS_INSTANCE_CNAME: "example.com", tablename: "anything at all",
        }), []);
        assertOne(checkReservedAttributeValues({ AWS_INIT_HEALTH_STATUS: "healthy" }), "cloudmap-instance-reserved-attribute-value", "attributes.AWS_INIT_HEALTH_STATUS",
            /"healthy" is not a value AWS accepts for AWS_INIT_HEALTH_STATUS: it takes exactly "HEALTHY" or "UNHEALTHY"/);
        for (const [key, value] of [["AWS_INSTANCE_IPV4", "10.0.0.256"], ["AWS_INSTANCE_IPV6", "10.0.0.1"], ["AWS_INSTANCE_PORT", "0"],
            ["AWS_INSTANCE_PORT", "65536"], ["AWS_INSTANCE_PORT", "+80"], ["AWS_EC2_INSTANCE_ID", "i-123"], ["AWS_INSTANCE_CNAME", "not a name"]]) {
            assert.deepStrictEqual(rulesOf(checkReservedAttributeValues({ [key]: value })), ["cloudmap-instance-reserved-attribute-value"], `${key}=${value}`);
        }
    });

    it("an instance of a service with a Route 53 health check needs an address and a port; a resource without one can never register", () => {
        assert.deepStrictEqual(checkRoute53HealthCheckAttributes({ AWS_INSTANCE_IPV4: "192.0.2.44", AWS_INSTANCE_PORT: "80" }), []);
        assertOne(checkRoute53HealthCheckAttributes({ tablename: "UserAuth" }), "cloudmap-instance-health-check-address", "attributes",
            /this instance has no IPv4 or IPv6 address and no port/);
        assertOne(checkNonIpInstanceService(true), "cloudmap-non-ip-instance-health-check", "service",
            /a resource without an address can never be registered there/, /an API-only service without a Route 53 health check/);
        assert.deepStrictEqual(checkNonIpInstanceService(false), []);
    });

    it("non-IP conventions and instance ids take any input", () => {
        assert.deepStrictEqual(rulesOf(checkNonIpInstanceAttributes(undefined)), ["cloudmap-instance-attributes-required"]);
        assertOne(checkInstanceId(7), "cloudmap-instance-id", "instanceId", /^7 is not a valid instance id/);
        assert.deepStrictEqual(checkInstanceId("x".repeat(64)), []);
        assert.deepStrictEqual(rulesOf(checkInstanceId("x".repeat(65))), ["cloudmap-instance-id"]);
    });
});

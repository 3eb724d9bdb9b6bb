import * as assert from "assert";
import { checkInstanceRecordAttributes } from "../../components/rules";

describe("rules: what a service's records need from an instance (RegisterInstance)", () => {
    const address = { AWS_INSTANCE_IPV4: "10.0.0.1" };
    const cases: [string[], Record<string, string>, string[]][] = [
        [[], { tablename: "UserAuth" }, []],
        [["A"], address, []],
        [["A"], {}, ["AWS_INSTANCE_IPV4"]],
        [["AAAA"], address, ["AWS_INSTANCE_IPV6"]],
        [["A", "AAAA"], { AWS_ALIAS_DNS_NAME: "lb.example.com" }, []],
        [["SRV"], { ...address, AWS_INSTANCE_PORT: "80" }, []],
        [["SRV"], { AWS_INSTANCE_IPV6: "::1", AWS_INSTANCE_PORT: "80" }, []],
        [["SRV"], address, ["AWS_INSTANCE_PORT"]],
        [["SRV"], { AWS_INSTANCE_PORT: "80" }, ["AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6"]],
        [["A", "SRV"], { AWS_INSTANCE_PORT: "80" }, ["AWS_INSTANCE_IPV4 (the A", "AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6"]],
        [["CNAME"], {}, ["AWS_INSTANCE_CNAME"]],
        [["CNAME"], { AWS_INSTANCE_CNAME: "" }, ["AWS_INSTANCE_CNAME"]],
        // Attributes of the wrong kind have nothing to fill records with; no record types, nothing to fill.
        [["A"], null as never, ["AWS_INSTANCE_IPV4"]],
        ["SRV" as never, {}, []],
    ];
    for (const [types, attributes, missing] of cases) {
        it(`${Array.isArray(types) ? types.join("+") || "API-only" : JSON.stringify(types)} with ${Object.keys(attributes ?? {}).join(", ") || "no attributes"}: ${missing.length === 0 ? "accepted" : `needs ${missing.join("; ")}`}`, () => {
            const findings = checkInstanceRecordAttributes(types, attributes, "attributes");
            assert.strictEqual(findings.length, missing.length, JSON.stringify(findings));
            findings.forEach((finding, i) => {
                assert.strictEqual(finding.rule, "cloudmap-instance-record-attributes");
                assert.strictEqual(finding.path, "attributes");
                assert.ok(finding.message.includes(`needs ${missing[i]}`), finding.message);
            });
        });
    }
});

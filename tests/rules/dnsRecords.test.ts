import * as assert from "assert";
import fc from "fast-check";
import { checkDnsConfig, checkHealthChecks, checkTtlCeiling, checkTtlRange, recordTypesOf, stalenessInputOf } from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

describe("rules: DNS records", () => {
    it("treats record types as case-sensitive: \"srv\" is refused and not counted as SRV anywhere", () => {
        assertOne(checkDnsConfig({ dnsRecords: [{ type: "srv", ttl: 10 }] }), "cloudmap-dns-record-type", "dnsConfig.dnsRecords[0].type",
            /"srv" is not a record type Cloud Map can create; it accepts exactly SRV, A, AAAA, CNAME \(Cloud Map API, DnsRecord\)\. Record types are case-sensitive: use "SRV"\./);
        assert.deepStrictEqual(recordTypesOf({ dnsConfig: { dnsRecords: [{ type: "srv", ttl: 10 }] } }), ["srv"]);
        assert.deepStrictEqual(rulesOf(checkHealthChecks({ dnsConfig: { dnsRecords: [{ type: "cname", ttl: 10 }] }, healthCheckConfig: { type: "HTTP" } }, "public-dns")), [],
            "a lower-case cname is no CNAME: the record type rule reports it, the CNAME health check rule does not");
    });

    it("refuses routing policies and types that are not exact, and records that are not a list", () => {
        assertOne(checkDnsConfig({ dnsRecords: [{ type: "SRV", ttl: 10 }], routingPolicy: "multivalue" }), "cloudmap-dns-routing-policy", "dnsConfig.routingPolicy",
            /"multivalue" is not a Cloud Map routing policy; it accepts exactly MULTIVALUE or WEIGHTED/);
        assertOne(checkDnsConfig({ dnsRecords: { type: "SRV", ttl: 10 } }), "cloudmap-dns-records-required", "dnsConfig.dnsRecords", /got an object/);
        assertOne(checkDnsConfig(null), "cloudmap-dns-records-required", "dnsConfig", /The DNS settings are null/);
        assert.deepStrictEqual(checkDnsConfig({ dnsRecords: [null] }, "records").map((f) => `${f.path}: ${f.message}`), [
            "records.dnsRecords[0].type: The record has no type; it accepts exactly SRV, A, AAAA, CNAME (Cloud Map API, DnsRecord).",
            "records.dnsRecords[0].ttl: The record has no TTL; AWS requires a whole number of seconds between 0 and 2147483647 (Cloud Map API, DnsRecord).",
        ]);
    });

    it("accepts TTLs from 0 to 2147483647 and refuses one over, fractions, text and null", () => {
        assert.deepStrictEqual([...checkTtlRange(0, "ttl"), ...checkTtlRange(2147483647, "ttl")], []);
        for (const [ttl, why] of [[2147483648, /^TTL 2147483648 is not/], [-1, /^TTL -1/], [1.5, /^TTL 1.5 is not a whole number/], ["10", /^TTL "10" is not .* \(it is text, not a number\)/], [null, /^TTL null/], [undefined, /^The record has no TTL/]] as const) {
            assertOne(checkTtlRange(ttl, "ttlSeconds"), "cloudmap-dns-ttl-range", "ttlSeconds", why, /between 0 and 2147483647/);
        }
    });

    it("compares only numeric TTLs with the ceiling, and tells how to raise it", () => {
        assertOne(checkTtlCeiling([{ type: "SRV", ttl: 61 }, { type: "A", ttl: "999" }], 60), "cloudmap-dns-ttl-ceiling", "dnsConfig.dnsRecords[0].ttl",
            /The SRV record's TTL is 61 s, above the 60 s ceiling/, /raise the ceiling in the components and in the policy pack.s configuration together/);
        assert.deepStrictEqual(checkTtlCeiling("not a list", 60), []);
    });

    it("refuses every casing of a record type but the exact one (property-based)", () => {
        const casing = fc.constantFrom("SRV", "AAAA", "CNAME").chain((type) =>
            fc.array(fc.boolean(), { minLength: type.length, maxLength: type.length })
                .map((upper) => [...type].map((c, i) => (upper[i] ? c : c.toLowerCase())).join(""))
                .filter((variant) => variant !== type));
        fc.assert(fc.property(casing, (type) =>
            assert.deepStrictEqual(rulesOf(checkDnsConfig({ dnsRecords: [{ type, ttl: 10 }], routingPolicy: "WEIGHTED" })), ["cloudmap-dns-record-type"])));
    });

    it("the staleness estimate still reads the records (unchanged by case sensitivity)", () => {
        assert.deepStrictEqual(stalenessInputOf({ dnsConfig: { dnsRecords: [{ type: "SRV", ttl: 10 }] }, healthCheckCustomConfig: { failureThreshold: 1 } }),
            { ttlSeconds: 10, healthCheck: "custom" });
    });
});

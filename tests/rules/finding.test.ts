import * as assert from "assert";
import { DiscoverableService } from "../../components";
import { Finding, ValidationError, withoutRepeats } from "../../components/rules";
import { assertRejects, NAMESPACE } from "../components/fixtures";

const finding = (rule: string, path: string, message = `${rule} at ${path}`): Finding => ({ rule, path, message, fix: "Fix it." });

describe("findings: each broken rule reported once", () => {
    it("keeps the most specific finding of a rule: an item's over its argument's", () => {
        const specific = finding("cloudmap-dns-record-type", "dnsRecordTypes[0]");
        assert.deepStrictEqual(withoutRepeats([specific, finding("cloudmap-dns-record-type", "dnsRecordTypes")]), [specific]);
        const field = finding("tags", "tags.team");
        assert.deepStrictEqual(withoutRepeats([finding("tags", "tags"), field]), [field]);
    });

    it("keeps different rules at one path, the same rule at sibling paths, and a longer name that merely shares a prefix", () => {
        const kept = [
            finding("a", "port"), finding("b", "port"),
            finding("c", "container[0]"), finding("c", "container[1]"),
            finding("d", "ttl"), finding("d", "ttlSeconds"),
        ];
        assert.deepStrictEqual(withoutRepeats(kept), kept);
    });

    it("drops an exact repeat, keeping the first", () => {
        const once = finding("x", "name", "same words");
        assert.deepStrictEqual(withoutRepeats([once, { ...once }, finding("x", "name", "other words")]), [once, finding("x", "name", "other words")]);
    });

    it("a ValidationError carries and prints the distinct findings", () => {
        const error = new ValidationError("C", "c", [finding("r", "arg"), finding("r", "arg[0]"), finding("r", "arg[0]")]);
        assert.deepStrictEqual(error.findings, [finding("r", "arg[0]")]);
        assert.strictEqual(error.message.split("\n").length, 2);
    });

    it("a lower-case record type is reported once, at the item, in the component's terms", () => assertRejects(() => {
        new DiscoverableService("catalog", { name: "catalog", namespace: NAMESPACE, dnsRecordTypes: ["srv" as never] });
    }, /^DiscoverableService "catalog" has invalid arguments:\n {2}- dnsRecordTypes\[0\]: "srv" is not one of "SRV", "A", "AAAA", "CNAME" \(values are case-sensitive\)\. Fix: Use "SRV"\. \[rule cloudmap-dns-record-type\]$/));
});

import * as assert from "assert";
import fc from "fast-check";
import { checkNamespaceName, checkServiceName, checkUniqueServiceNames } from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

// Generators built from CreateService's documented label pattern:
// [a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_] | [a-zA-Z0-9]
const edge = fc.constantFrom(..."aZ09_");
const middle = fc.string({ unit: fc.constantFrom(..."aZ09_-"), maxLength: 20 });
const serviceLabel = fc.oneof(fc.constantFrom(..."aZ09"), fc.tuple(edge, middle, edge).map(([a, b, c]) => a + b + c));

describe("rules: names", () => {
    describe("Cloud Map service names (CreateService's pattern)", () => {
        it("accepts SRV-style names, underscores, single letters or digits, and the single name \".\"", () => {
            for (const name of ["a", "7", "_a", "a_", "_http._tcp", "inventory-manager", "a.b.c", ".", "x".repeat(63), `${"x".repeat(63)}.${"y".repeat(63)}`]) {
                assert.deepStrictEqual(checkServiceName(name), [], name);
            }
        });
        it("refuses \"_\" alone, labels starting or ending with a hyphen, empty labels, 64-character labels and names over 127", () => {
            for (const name of ["_", "-a", "a-", "a..b", "a.", "x".repeat(64), "", "a b", "é"]) {
                assertOne(checkServiceName(name), "cloudmap-service-name", "name", /is not a valid Cloud Map service name: label\(s\) .* must be 1-63 letters/,
                    /a one-character label must be a letter or digit \(Cloud Map API, CreateService\)/);
            }
            assert.deepStrictEqual(checkServiceName(`${"a".repeat(63)}.${"b".repeat(63)}`), []);
            assertOne(checkServiceName(`${"a".repeat(63)}.${"b".repeat(63)}.c`), "cloudmap-service-name", "name", /it has 129 characters, and a service name has at most 127/);
            assertOne(checkServiceName(null, undefined, "services[0].name"), "cloudmap-service-name", "services[0].name", /is null; it must be text/);
        });
        it("applies the 253-character DNS limit only to services that publish a DNS name", () => {
            const namespace = `${"n".repeat(63)}.${"n".repeat(63)}.${"n".repeat(63)}.${"n".repeat(50)}`;
            assert.strictEqual(namespace.length, 242);
            assert.deepStrictEqual(checkServiceName("a".repeat(10), namespace), [], "10 + 1 + 242 = 253");
            assertOne(checkServiceName("a".repeat(11), namespace), "cloudmap-service-name", "name", /is longer than 253 characters, so Route 53 cannot serve it/);
            const long = `${"a".repeat(63)}.${"b".repeat(60)}`;
            assert.deepStrictEqual(checkServiceName(long), [], "API-only: no namespace name passed, no DNS limit");
            assert.deepStrictEqual(rulesOf(checkServiceName(long, namespace)), ["cloudmap-service-name"]);
        });
        it("accepts every name generated from the documented pattern within 127 characters (property-based)", () => {
            fc.assert(fc.property(fc.array(serviceLabel, { minLength: 1, maxLength: 6 }).map((l) => l.join(".")).filter((n) => n.length <= 127),
                (name) => assert.deepStrictEqual(checkServiceName(name), [])), { numRuns: 200 });
        });
        it("refuses every name with a label that starts or ends with a hyphen (property-based)", () => {
            fc.assert(fc.property(serviceLabel, fc.boolean(), (label, start) =>
                assert.deepStrictEqual(rulesOf(checkServiceName(start ? `-${label}` : `${label}-`)), ["cloudmap-service-name"])), { numRuns: 100 });
        });
    });

    describe("namespace names", () => {
        it("accepts what Route 53 hosts as written: underscores, leading and trailing hyphens, a trailing dot", () => {
            for (const name of ["_tcp.local", "my_ns.local", "-edge-.local", "quickship.local.", "LOCAL", "a".repeat(63)]) {
                assert.deepStrictEqual(checkNamespaceName(name), [], name);
            }
        });
        it("accepts 253 characters and refuses 254; accepts 63-character labels and refuses 64", () => {
            const name253 = [..."abc"].map((c) => c.repeat(63)).join(".") + "." + "d".repeat(61);
            assert.strictEqual(name253.length, 253);
            assert.deepStrictEqual(checkNamespaceName(name253), []);
            assert.deepStrictEqual(checkNamespaceName(`${name253}.`), [], "the trailing dot is not counted");
            assertOne(checkNamespaceName(`${name253}d`), "cloudmap-namespace-dns-name", "name", /is 254 characters long; a DNS name is at most 253/);
            assertOne(checkNamespaceName(`${"a".repeat(64)}.local`), "cloudmap-namespace-dns-name", "name", /must be 1-63 letters, digits, hyphens or underscores/);
        });
        it("refuses characters Route 53 would store as escapes, empty labels and values that are not text", () => {
            for (const name of ["quick ship.local", "a*b.local", "shop..local", "café.local"]) {
                assert.deepStrictEqual(rulesOf(checkNamespaceName(name, "namespaceName")), ["cloudmap-namespace-dns-name"], name);
            }
            assertOne(checkNamespaceName(undefined, "namespaceName"), "cloudmap-namespace-dns-name", "namespaceName", /is nothing; it must be text/);
        });
        it("HTTP namespaces take any printable name of up to 1024 characters", () => {
            assert.deepStrictEqual(checkNamespaceName("Quick*Ship!", "name", "http"), []);
            assert.deepStrictEqual(checkNamespaceName("x".repeat(1024), "name", "http"), []);
            assertOne(checkNamespaceName("x".repeat(1025), "name", "http"), "cloudmap-http-namespace-name", "name", /1-1024 printable ASCII characters/);
            assertOne(checkNamespaceName("quick ship", "name", "http"), "cloudmap-http-namespace-name", "name", /without spaces/);
        });
    });

    describe("one name per namespace", () => {
        it("refuses a second service of the same name in a namespace, naming where the first was declared", () => {
            assertOne(checkUniqueServiceNames([
                { namespace: "ns-1", name: "inventory", path: "inventory" },
                { namespace: "ns-2", name: "inventory", path: "other" },
                { namespace: "ns-1", name: "inventory", path: "copy" },
            ]), "cloudmap-service-name-unique", "copy", /"inventory" is already the name of a service in this namespace \(declared at inventory\)/, /ServiceAlreadyExists/);
        });
        it("treats names that differ in case as the same in DNS namespaces, and as different in HTTP namespaces", () => {
            assertOne(checkUniqueServiceNames([
                { namespace: "ns-1", name: "Inventory", path: "a" },
                { namespace: "ns-1", name: "inventory", path: "b" },
            ]), "cloudmap-service-name-unique", "b", /differ only in case, so they are the same name/);
            assert.deepStrictEqual(checkUniqueServiceNames([
                { namespace: "ns-1", namespaceKind: "http", name: "Inventory", path: "a" },
                { namespace: "ns-1", namespaceKind: "http", name: "inventory", path: "b" },
            ]), []);
        });
    });
});

import * as assert from "assert";
import { parseLocalArgs, parseRegistration } from "../../engine/local/args";
import { UsageError } from "../../engine/plan/args";

describe("local: command-line arguments", () => {
    it("defaults to the current directory and any free ports", () => {
        const options = parseLocalArgs([]);
        assert.notStrictEqual(options, "help");
        assert.deepStrictEqual(options === "help" ? undefined : [options.programDir, options.dnsPort, options.apiPort, options.healthCheck], [".", 0, 0, false]);
    });

    it("reads registrations, their attributes and the ports", () => {
        const options = parseLocalArgs([
            "examples/x", "--dns-port", "5353", "--api-port", "4566", "--health-check",
            "--register", "inventory-manager=127.0.0.1:8080", "--register", "api.shop.internal=[::1]:9000",
            "--attributes", "inventory-manager=version=v2,zone=a=b",
        ]);
        assert.ok(options !== "help");
        assert.deepStrictEqual(options.registrations, [
            { service: "inventory-manager", host: "127.0.0.1", port: 8080 },
            { service: "api.shop.internal", host: "::1", port: 9000 },
        ]);
        // A value may itself hold "=": only the first one of each pair splits.
        assert.deepStrictEqual(options.attributes.get("inventory-manager"), { version: "v2", zone: "a=b" });
        assert.deepStrictEqual([options.programDir, options.dnsPort, options.apiPort, options.healthCheck], ["examples/x", 5353, 4566, true]);
    });

    it("takes localhost as 127.0.0.1", () => {
        assert.deepStrictEqual(parseRegistration("catalog=localhost:3000"), { service: "catalog", host: "127.0.0.1", port: 3000 });
    });

    const refusals: [string[], RegExp][] = [
        [["--register", "inventory-manager"], /--register expects SERVICE=HOST:PORT \(e\.g\. inventory-manager=127\.0\.0\.1:8080.*got "inventory-manager"/],
        [["--register", "inventory-manager=127.0.0.1"], /--register expects SERVICE=HOST:PORT/],
        [["--register", "=127.0.0.1:80"], /--register expects SERVICE=HOST:PORT/],
        [["--register", "inventory-manager=db.internal:80"], /"db\.internal" is not an IP address; an instance is registered by address/],
        [["--register", "inventory-manager=127.0.0.1:0"], /port 0 is not between 1 and 65535/],
        [["--register", "inventory-manager=127.0.0.1:70000"], /port 70000 is not between 1 and 65535/],
        [["--register", "inventory-manager=[127.0.0.1]:80"], /"127\.0\.0\.1" is not an IP address/],
        [["--dns-port", "53a"], /--dns-port expects a port from 0 \(any free port\) to 65535, got "53a"/],
        [["--api-port", "65536"], /--api-port expects a port from 0 .* got "65536"/],
        [["--attributes", "inventory-manager=version=v2"], /--attributes inventory-manager=version=v2: there is no --register inventory-manager=HOST:PORT/],
        [["--register", "a=127.0.0.1:1", "--attributes", "a=novalue"], /--attributes expects SERVICE=KEY=VALUE/],
        [["one", "two"], /expected at most one programDir, got one two/],
        [["--verbose"], /Unknown option '--verbose'/],
    ];
    for (const [argv, message] of refusals) {
        it(`refuses ${argv.join(" ")}`, () => {
            assert.throws(() => parseLocalArgs(argv), (err: Error) => err instanceof UsageError && message.test(err.message));
        });
    }
});

import * as assert from "assert";
import fc from "fast-check";
import { checkHealthChecks, checkRoute53HealthCheckConfig } from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

const check = (config: unknown) => checkRoute53HealthCheckConfig(config, "route53HealthCheck");

describe("rules: Route 53 health check settings", () => {
    it("accepts each documented type, with a path for HTTP(S) and a threshold from 1 to 10", () => {
        assert.deepStrictEqual(check({ type: "HTTP" }), []);
        assert.deepStrictEqual(check({ type: "HTTPS", resourcePath: "/health", failureThreshold: 1 }), []);
        assert.deepStrictEqual(check({ type: "TCP", failureThreshold: 10 }), []);
        assert.deepStrictEqual(check({ type: "HTTP", resourcePath: `/${"p".repeat(254)}` }), []);
    });

    it("requires the type, exactly as AWS spells it", () => {
        assertOne(check({ resourcePath: "/" }), "cloudmap-health-check-type", "route53HealthCheck.type",
            /has no type; AWS requires one of HTTP, HTTPS, TCP \(Cloud Map API, HealthCheckConfig\)/);
        assertOne(check({ type: "http" }), "cloudmap-health-check-type", "route53HealthCheck.type",
            /"http" is not a Route 53 health check type; AWS accepts exactly HTTP, HTTPS, TCP .* Types are case-sensitive: use "HTTP"\./);
        assertOne(check({ type: "UDP" }), "cloudmap-health-check-type", "route53HealthCheck.type", /"UDP" is not/);
        assertOne(check(null), "cloudmap-health-check-type", "route53HealthCheck", /is null; it must be an object/);
    });

    it("refuses a path with TCP, a path over 255 characters, and a path that is not text", () => {
        assertOne(check({ type: "TCP", resourcePath: "/" }), "cloudmap-health-check-resource-path", "route53HealthCheck.resourcePath",
            /A TCP health check only opens a connection, so AWS refuses a request path with it/);
        assertOne(check({ type: "HTTP", resourcePath: `/${"p".repeat(255)}` }), "cloudmap-health-check-resource-path", "route53HealthCheck.resourcePath",
            /is 256 characters long; AWS accepts at most 255/);
        assertOne(check({ type: "HTTP", resourcePath: 404 }), "cloudmap-health-check-resource-path", "route53HealthCheck.resourcePath", /is the number 404; it must be text/);
    });

    it("refuses thresholds outside 1-10, fractions and numeric text", () => {
        for (const [threshold, why] of [[0, /is 0, outside 1–10/], [11, /is 11, outside 1–10/], [2.5, /is the number 2.5, not a whole number/], ["3", /is the text "3", not a number/]] as const) {
            assertOne(check({ type: "HTTP", failureThreshold: threshold }), "cloudmap-health-check-failure-threshold", "route53HealthCheck.failureThreshold",
                why, /AWS accepts whole numbers from 1 to 10 \(Cloud Map API, HealthCheckConfig\)/);
        }
    });

    it("names a setting that does not exist, readably", () => {
        assertOne(check({ type: "HTTP", resoucePath: "/" }), "cloudmap-health-check-setting", "route53HealthCheck.resoucePath", /"resoucePath" is not a setting/);
        assertOne(check({ type: "HTTP", "request interval": 10 }), "cloudmap-health-check-setting", 'route53HealthCheck["request interval"]', /is not a setting/);
    });

    it("is part of a service's health checks, under the service's own path", () => {
        assert.deepStrictEqual(rulesOf(checkHealthChecks({ healthCheckConfig: { type: "tcp" } }, "public-dns")), ["cloudmap-health-check-type"]);
        assert.deepStrictEqual(checkHealthChecks({ healthCheckConfig: { type: "TCP" } }, "http", "service").map((f) => f.path), []);
        assert.deepStrictEqual(checkHealthChecks({ healthCheckConfig: {} }, "http", "service").map((f) => f.path), ["service.healthCheckConfig.type"]);
    });

    it("accepts every valid configuration and refuses every out-of-range threshold (property-based)", () => {
        const valid = fc.record({
            type: fc.constantFrom("HTTP", "HTTPS"),
            resourcePath: fc.stringMatching(/^\/[a-z0-9/_-]{0,254}$/),
            failureThreshold: fc.integer({ min: 1, max: 10 }),
        }, { requiredKeys: ["type"] });
        fc.assert(fc.property(valid, (config) => assert.deepStrictEqual(check(config), [])), { numRuns: 100 });
        const outside = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 11 }), fc.double({ noInteger: true }));
        fc.assert(fc.property(outside, (threshold) =>
            assert.deepStrictEqual(rulesOf(check({ type: "TCP", failureThreshold: threshold })), ["cloudmap-health-check-failure-threshold"])), { numRuns: 100 });
    });
});

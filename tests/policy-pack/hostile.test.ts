import * as assert from "assert";
import fc from "fast-check";
import { AnalyzerSession, analyzeResources, PolicyViolation, startPolicyPack } from "../../engine/policyEngine";
import { RecordedResource } from "../../engine/resourceGraph";
import { MAX_MESSAGE_LENGTH } from "../../policy-pack/lib/report";
import { policies } from "../../policy-pack/policies";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { hostileStack, HOSTILE_STACK_CONFIG, MEGABYTE, validStack, withUnknowns } from "./hostileStack";
import { buildPack, ofPolicy, PACK_DIR } from "./packHarness";

/** The engine prefixes each violation message with its policy's description. */
const LONGEST_MESSAGE = MAX_MESSAGE_LENGTH + Math.max(...policies.map((p) => p.description.length)) + 100;


/**
 * How @pulumi/policy reports a policy that throws (server.js): not as a diagnostic but by failing
 * the whole Analyze/AnalyzeStack/Remediate call with "Error validating resource with policy
 * '<name>' from policy pack '<pack>@v<version>':\n<stack>" (or "Error remediating resource with
 * remediation '<name>' ..."), which fails `pulumi preview`. The policy named there, if any.
 */
export function raisingPolicy(error: unknown): string | undefined {
    const message = error instanceof Error ? error.message : String(error);
    return /Error (?:validating resource with policy|remediating resource with remediation) '([^']+)'/.exec(message)?.[1];
}

/** Runs the engine's analysis and returns what it raised, or the violations. */
async function analysisOf(session: AnalyzerSession, resources: readonly RecordedResource[]): Promise<{ raised?: unknown; violations: PolicyViolation[] }> {
    try {
        return { violations: (await analyzeResources(session, resources)).violations };
    } catch (raised) {
        return { raised, violations: [] };
    }
}

function assertNothingRaised(outcome: { raised?: unknown }): void {
    if (outcome.raised !== undefined) {
        const message = outcome.raised instanceof Error ? outcome.raised.message : String(outcome.raised);
        assert.fail(`policy ${raisingPolicy(outcome.raised) ?? "(none named)"} raised: ${message.slice(0, 3000)}`);
    }
}

/** Replaces one resource's inputs (and outputs) in the valid stack. */
function validStackWith(name: string, inputs: (current: Record<string, unknown>) => Record<string, unknown>): RecordedResource[] {
    return validStack().map((r) => {
        if (r.name !== name) {
            return r;
        }
        const changed = inputs({ ...r.inputs });
        return { ...r, inputs: changed, outputs: changed };
    });
}

/** The valid stack's Service Connect service with its one `services` entry changed. */
function withConnectService(inputs: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
    const configuration = inputs.serviceConnectConfiguration as { services: Record<string, unknown>[] };
    return { ...inputs, serviceConnectConfiguration: { ...configuration, services: [{ ...configuration.services[0], ...change }] } };
}

describe("policy pack: hostile values, over gRPC as the engine drives it", function () {
    let session: AnalyzerSession;

    before(async function () {
        buildPack();
        session = await startPolicyPack(PACK_DIR);
        await session.configure(HOSTILE_STACK_CONFIG);
    });
    after(async () => session?.close());

    it("passes the valid stack every hostile case starts from, so what is flagged below is the hostile value", async () => {
        const outcome = await analysisOf(session, validStack());
        assertNothingRaised(outcome);
        assert.deepStrictEqual(outcome.violations.map((v) => `${v.policy}: ${v.message}`), []);
    });

    it("never raises, whatever values reach any policy (generated stacks of every resource type the pack reads)", async () => {
        await fc.assert(fc.asyncProperty(hostileStack(), async (resources) => {
            const outcome = await analysisOf(session, resources);
            assertNothingRaised(outcome);
            for (const v of outcome.violations) {
                assert.ok(v.message.length <= LONGEST_MESSAGE, `${v.policy}: a ${v.message.length}-character message`);
                assert.doesNotMatch(v.message, /\bNaN\b|\bundefined\b|\[object Object\]/, `${v.policy}: ${v.message}`);
            }
        }), { numRuns: 40 });
    });

    it("never makes an unknown value a mandatory violation (the valid stack with unknowns anywhere, as in a preview)", async () => {
        await fc.assert(fc.asyncProperty(withUnknowns(), async (resources) => {
            const outcome = await analysisOf(session, resources);
            assertNothingRaised(outcome);
            assert.deepStrictEqual(outcome.violations.filter((v) => v.level === "mandatory").map((v) => `${v.policy}: ${v.message}`), []);
        }), { numRuns: 40 });
    });

    describe("the shapes issue 8 names", () => {
        const cases: [string, string, (inputs: Record<string, unknown>) => Record<string, unknown>][] = [
            ["healthCheckCustomConfig: null", "inventory-manager", (i) => ({ ...i, healthCheckCustomConfig: null })],
            ["healthCheckConfig: null beside a custom health check", "inventory-manager", (i) => ({ ...i, healthCheckConfig: null })],
            ["dnsConfig: null on an API-only service", "user-auth-db", (i) => ({ ...i, dnsConfig: null })],
            ["dnsRecords containing null", "inventory-manager", (i) => ({ ...i, dnsConfig: { routingPolicy: "MULTIVALUE", dnsRecords: [null, { type: "SRV", ttl: 10 }] } })],
            ["a TTL given as decimal text", "inventory-manager", (i) => ({ ...i, dnsConfig: { dnsRecords: [{ type: "SRV", ttl: "10" }] } })],
            ["attributes with a number and a null", "user-auth-table", (i) => ({ ...i, attributes: { tablename: "UserAuth", port: 5432, old: null } })],
            ["a container port given as decimal text", "ecs", (i) => ({ ...i, serviceRegistries: { registryArn: "srv-arn", containerName: "app", containerPort: "8080" } })],
            ["containerDefinitions that are not JSON", "task", (i) => ({ ...i, containerDefinitions: "[{\"name\": \"app\"" })],
            ["a policy document that is not JSON", "task-policy", (i) => ({ ...i, policy: "{\"Statement\": [" })],
            ["a trust policy given as an object", "task-role", (i) => ({ ...i, assumeRolePolicy: { Statement: [{ Principal: { Service: "ecs-tasks.amazonaws.com" } }] } })],
            ["serviceRegistries as a list of one", "ecs", (i) => ({ ...i, serviceRegistries: [i.serviceRegistries] })],
            ["ingress blocks as an object", "sg", (i) => ({ ...i, ingress: (i.ingress as unknown[])[0] })],
        ];
        for (const [title, name, change] of cases) {
            it(`${title}: no policy raises and nothing is flagged`, async () => {
                const outcome = await analysisOf(session, validStackWith(name, change));
                assertNothingRaised(outcome);
                assert.deepStrictEqual(outcome.violations.map((v) => `${v.policy}: ${v.message}`), []);
            });
        }

        it("still reports the violation inside a malformed value: dnsRecords as one object with a 600 s TTL", async () => {
            const resources = validStackWith("inventory-manager", (i) => ({ ...i, dnsConfig: { routingPolicy: "MULTIVALUE", dnsRecords: { type: "SRV", ttl: 600 } } }));
            const { violations } = await analyzeResources(session, resources);
            const found = ofPolicy(violations, "aws-cloudmap-service-max-ttl");
            assert.deepStrictEqual(found.map((v) => v.level), ["mandatory"]);
            assert.match(found[0].message, /dnsConfig\.dnsRecords\[0\]\.ttl: The SRV record's TTL is 600 s, above the 60 s ceiling/);
        });

        it("still reports the violation inside a block given as a one-element list, and a TTL given as text", async () => {
            const resources = validStackWith("inventory-manager", (i) => ({ ...i, dnsConfig: [{ dnsRecords: [{ type: "SRV", ttl: "300" }] }] }));
            const found = ofPolicy((await analyzeResources(session, resources)).violations, "aws-cloudmap-service-max-ttl");
            assert.match(found[0]?.message ?? "", /TTL is 300 s, above the 60 s ceiling/);
        });

        it("still reports a CIDR open to the internet given as a single value instead of a list", async () => {
            const resources = validStackWith("sg", (i) => ({ ...i, ingress: { protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: "0.0.0.0/0" } }));
            const found = ofPolicy((await analyzeResources(session, resources)).violations, "aws-ec2-security-group-discoverable-no-public-ingress");
            assert.match(found[0]?.message ?? "", /Ingress on port 8080 is open to 0\.0\.0\.0\/0/);
        });

        it("quotes a megabyte instance id short, keeping what is wrong and the fix", async () => {
            const resources = validStackWith("user-auth-table", (i) => ({ ...i, instanceId: MEGABYTE }));
            const [found] = ofPolicy((await analyzeResources(session, resources)).violations, "aws-cloudmap-instance-attributes");
            assert.ok(found.message.length <= LONGEST_MESSAGE, `${found.message.length} characters`);
            assert.match(found.message, /\ninstanceId: "x{20,}\.\.\." is not a valid instance id.* Fix: /);
        });

        it("remediates a single-object dnsRecords into a list with the TTL clamped", async () => {
            await session.configure({ ...HOSTILE_STACK_CONFIG, "aws-cloudmap-service-max-ttl": "remediate" });
            try {
                const resources = validStackWith("inventory-manager", (i) => ({ ...i, dnsConfig: { dnsRecords: { type: "SRV", ttl: 600 } } }));
                const { remediations } = await analyzeResources(session, resources);
                assert.deepStrictEqual(remediations.map((r) => (r.properties?.dnsConfig as { dnsRecords: unknown }).dnsRecords), [[{ type: "SRV", ttl: 60 }]]);
            } finally {
                await session.configure(HOSTILE_STACK_CONFIG);
            }
        });
    });

    describe("Service Connect and Route 53 health check settings, read as the provider decodes them", () => {
        it("reads Service Connect ports and timeouts given as decimal text as numbers: nothing is flagged", async () => {
            const resources = validStackWith("connect", (i) => withConnectService(i, {
                clientAlias: [{ port: "80", dnsName: "orders" }], timeout: { idleTimeoutSeconds: "60", perRequestTimeoutSeconds: "15" },
            }));
            const outcome = await analysisOf(session, resources);
            assertNothingRaised(outcome);
            assert.deepStrictEqual(outcome.violations.map((v) => `${v.policy}: ${v.message}`), []);
        });

        it("describes a NaN discovery name and client alias name in words, never as NaN", async () => {
            const resources = validStackWith("connect", (i) => withConnectService(i, { discoveryName: NaN, clientAlias: [{ port: 80, dnsName: NaN }] }));
            const messages = ofPolicy((await analyzeResources(session, resources)).violations, "aws-ecs-service-service-connect").map((v) => v.message);
            assert.deepStrictEqual(messages.map((m) => /\n(\S+): a not-a-number value is not a (discovery|client alias) name/.exec(m)?.slice(1)), [
                ["serviceConnectConfiguration.services[0].discoveryName", "discovery"],
                ["serviceConnectConfiguration.services[0].clientAlias[0].dnsName", "client alias"],
            ]);
            for (const message of messages) {
                assert.doesNotMatch(message, /\bNaN\b/);
            }
        });

        it("reads a Route 53 failure threshold given as text as the provider does: \"20\" is 20, above 10", async () => {
            const resources = validStackWith("status", (i) => ({ ...i, healthCheckConfig: { type: "HTTP", resourcePath: "/health", failureThreshold: "20" } }));
            const found = ofPolicy((await analyzeResources(session, resources)).violations, "aws-cloudmap-service-health-check");
            assert.deepStrictEqual(found.map((v) => [v.level, /\n(.*?:.*?;)/.exec(v.message)?.[1]]),
                [["mandatory", "healthCheckConfig.failureThreshold: The failure threshold is 20, outside 1–10;"]]);
        });

        it("leaves a Route 53 health check that is not a block to the provider, which rejects it: no settings are judged", async () => {
            const resources = validStackWith("status", (i) => ({ ...i, healthCheckConfig: "HTTP" }));
            const outcome = await analysisOf(session, resources);
            assertNothingRaised(outcome);
            assert.deepStrictEqual(ofPolicy(outcome.violations, "aws-cloudmap-service-health-check").map((v) => v.message), []);
        });

        it("judges the known Route 53 settings and leaves an unknown type undecided: the threshold is flagged, the type is not, and the policy says it can't run", async () => {
            const resources = validStackWith("status", (i) => ({ ...i, healthCheckConfig: { type: UNKNOWN_SENTINEL, resourcePath: "/health", failureThreshold: 20 } }));
            const found = ofPolicy((await analyzeResources(session, resources)).violations, "aws-cloudmap-service-health-check");
            assert.deepStrictEqual(found.map((v) => v.level), ["mandatory", "advisory"]);
            assert.match(found[0].message, /\nhealthCheckConfig\.failureThreshold: The failure threshold is 20/);
            assert.match(found[1].message, /can't run policy .* during preview/);
        });
    });

    describe("Service Connect services count as discoverable only when they serve endpoints", () => {
        const publicConnect = (configuration: (current: Record<string, unknown>) => Record<string, unknown>) => validStackWith("connect", (i) => ({
            ...i,
            networkConfiguration: { ...(i.networkConfiguration as object), assignPublicIp: true },
            serviceConnectConfiguration: configuration(i.serviceConnectConfiguration as Record<string, unknown>),
        }));

        it("turned off, its services serve nothing: no public IP advice", async () => {
            const { violations } = await analyzeResources(session, publicConnect((c) => ({ ...c, enabled: false })));
            assert.deepStrictEqual(ofPolicy(violations, "aws-ecs-service-no-public-ip").map((v) => v.message), []);
        });

        it("with services unknown in a preview, a public IP is not flagged on a guess: the policy says it can't run", async () => {
            const { violations } = await analyzeResources(session, publicConnect((c) => ({ ...c, services: UNKNOWN_SENTINEL })));
            const found = ofPolicy(violations, "aws-ecs-service-no-public-ip");
            assert.deepStrictEqual(found.map((v) => v.level), ["advisory"]);
            assert.match(found[0].message, /can't run policy .* during preview/);
        });

        it("with one unknown entry beside a known one, it serves endpoints: the public IP is flagged", async () => {
            const { violations } = await analyzeResources(session, publicConnect((c) => ({ ...c, services: [UNKNOWN_SENTINEL, ...(c.services as unknown[])] })));
            assert.deepStrictEqual(ofPolicy(violations, "aws-ecs-service-no-public-ip").map((v) => /\n(.*?):/.exec(v.message)?.[1]), ["networkConfiguration.assignPublicIp"]);
        });
    });

    describe("a misspelled property in a policy's config", () => {
        it("is an error naming the policy, the property and the known ones, reported as @pulumi/policy reports a raising policy", async () => {
            await session.configure({ ...HOSTILE_STACK_CONFIG, "aws-cloudmap-service-max-ttl": { maxTtlSecond: 30 } });
            try {
                const outcome = await analysisOf(session, validStack());
                assert.strictEqual(raisingPolicy(outcome.raised), "aws-cloudmap-service-max-ttl");
                assert.match(String(outcome.raised), /Policy pack config for aws-cloudmap-service-max-ttl: "maxTtlSecond" is not a property of this policy \(its properties: maxTtlSeconds\)/);
            } finally {
                await session.configure(HOSTILE_STACK_CONFIG);
            }
        });

        it("is an error for stack policies and for policies without properties too", async () => {
            for (const [policy, properties] of [["aws-cloudmap-namespace-no-exposed-services", /\(its properties: allowedPublicNamespaces\)/], ["aws-ecs-service-no-public-ip", /\(its properties: none\)/]] as const) {
                await session.configure({ ...HOSTILE_STACK_CONFIG, [policy]: { allowedPublicNamespace: ["x"] } });
                try {
                    const outcome = await analysisOf(session, validStack());
                    assert.strictEqual(raisingPolicy(outcome.raised), policy);
                    assert.match(String(outcome.raised), properties);
                } finally {
                    await session.configure(HOSTILE_STACK_CONFIG);
                }
            }
        });

        it("leaves a disabled policy's config alone, as the policy never runs", async () => {
            await session.configure({ ...HOSTILE_STACK_CONFIG, "aws-ecs-service-no-public-ip": { enforcementLevel: "disabled", typo: 1 } });
            try {
                assertNothingRaised(await analysisOf(session, validStack()));
            } finally {
                await session.configure(HOSTILE_STACK_CONFIG);
            }
        });
    });
});

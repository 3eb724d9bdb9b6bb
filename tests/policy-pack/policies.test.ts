import * as assert from "assert";
import { AnalyzerSession, analyzeResources, PolicyViolation, startPolicyPack } from "../../engine/policyEngine";
import { policies } from "../../policy-pack/policies";
import { CASES, STACK_POLICIES } from "./catalogue";
import { asPreview, buildPack, fixture, ofPolicy, PACK_DIR } from "./packHarness";

const MANDATORY = new Set(policies.filter((p) => p.enforcementLevel === "mandatory").map((p) => p.name));

function assertFound(found: readonly PolicyViolation[], violation: RegExp): void {
    assert.ok(found.some((v) => violation.test(v.message)),
        `expected a message matching ${violation}, got:\n${found.map((v) => v.message).join("\n") || "(none)"}`);
    assert.ok(found.every((v) => v.urn !== undefined), "every violation names its resource");
}

describe("policy pack: each policy over gRPC, on stacks that pass and stacks that fail", function () {
    let session: AnalyzerSession;

    before(async function () {
        buildPack();
        session = await startPolicyPack(PACK_DIR);
        await session.configure();
    });
    after(async () => session?.close());

    for (const policyCase of CASES) {
        const expectation = policyCase.violation === undefined ? "passes" : "is flagged";
        it(`${policyCase.policy}: ${policyCase.title} ${expectation}`, async () => {
            const { violations } = await analyzeResources(session, await fixture(policyCase.program));
            const found = ofPolicy(violations, policyCase.policy);
            if (policyCase.violation === undefined) {
                assert.deepStrictEqual(found.map((v) => v.message), []);
            } else {
                assertFound(found, policyCase.violation);
            }
        });
    }

    // The engine calls Analyze on each resource as it plans it, and AnalyzeStack once at the end.
    // A rule one resource decides is reported in Analyze, from the resource's inputs.
    describe("resource policies, in Analyze on each resource alone", () => {
        for (const policyCase of CASES.filter((c) => !(c.policy in STACK_POLICIES) && c.violation !== undefined)) {
            it(`${policyCase.policy}: ${policyCase.title} is flagged before AnalyzeStack`, async () => {
                const resources = await fixture(policyCase.program);
                const found: PolicyViolation[] = [];
                for (const resource of resources) {
                    found.push(...ofPolicy(await session.analyze(resource, [resource]), policyCase.policy));
                }
                assertFound(found, policyCase.violation!);
            });
        }
    });

    it("reports no finding twice: no resource gets the same message from two policies", async () => {
        for (const policyCase of CASES) {
            for (const resources of [await fixture(policyCase.program), asPreview(await fixture(policyCase.program))]) {
                const { violations } = await analyzeResources(session, resources);
                const seen = new Map<string, string>();
                for (const v of violations) {
                    const key = `${v.urn} ${v.message}`;
                    assert.ok(!seen.has(key) || seen.get(key) === v.policy,
                        `${policyCase.title}: "${v.message}" reported by both ${seen.get(key)} and ${v.policy}`);
                    seen.set(key, v.policy);
                }
            }
        }
    });

    // The same stacks as a preview sees them: ids, ARNs and the computed outputs the program did
    // not set (a Cloud Map service's type, ...) are unknown. A mandatory verdict must not change.
    describe("in preview, with computed outputs unknown", () => {
        for (const policyCase of CASES.filter((c) => MANDATORY.has(c.policy))) {
            const expectation = policyCase.violation === undefined ? "has no mandatory violation" : "is still flagged as mandatory";
            it(`${policyCase.policy}: ${policyCase.title} ${expectation}`, async () => {
                const { violations } = await analyzeResources(session, asPreview(await fixture(policyCase.program)));
                const mandatory = ofPolicy(violations, policyCase.policy).filter((v) => v.level === "mandatory");
                if (policyCase.violation === undefined) {
                    assert.deepStrictEqual(mandatory.map((v) => v.message), []);
                } else {
                    assertFound(mandatory, policyCase.violation);
                }
            });
        }
    });
});

import * as assert from "assert";
import { AnalyzerSession, analyzeResources, startPolicyPack } from "../../engine/policyEngine";
import { CASES } from "./catalogue";
import { buildPack, fixture, ofPolicy, PACK_DIR } from "./packHarness";

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
                assert.ok(found.some((v) => policyCase.violation!.test(v.message)),
                    `expected a message matching ${policyCase.violation}, got:\n${found.map((v) => v.message).join("\n") || "(none)"}`);
                assert.ok(found.every((v) => v.urn !== undefined), "every violation names its resource");
            }
        });
    }
});

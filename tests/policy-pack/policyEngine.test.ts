import * as assert from "assert";
import { AnalyzedResource, AnalyzerSession, analyzeResources, PolicyRemediation } from "../../engine/policyEngine";
import { RecordedResource } from "../../engine/resourceGraph";

const URN = "urn:pulumi:dev::project::aws:iam/rolePolicy:RolePolicy::task-policy";

/** A role policy whose provider normalised the document it was given. */
const ROLE_POLICY: RecordedResource = {
    urn: URN, type: "aws:iam/rolePolicy:RolePolicy", name: "task-policy", custom: true,
    dependencies: [], propertyDependencies: {},
    inputs: { role: "task-role", policy: '{ "Version": "2012-10-17", "Statement": [] }' },
    id: "task-role:task-policy",
    outputs: { role: "task-role", policy: '{"Statement":[],"Version":"2012-10-17"}', name: "task-policy" },
    options: { ignoreChanges: [], replaceOnChanges: [] },
};

/** A session that records what AnalyzeStack is sent and remediates as told. */
function stubSession(remediations: PolicyRemediation[] = []): { session: AnalyzerSession; sent: AnalyzedResource[] } {
    const sent: AnalyzedResource[] = [];
    const session: Partial<AnalyzerSession> = {
        remediate: async () => remediations,
        analyze: async () => [],
        analyzeStack: async (resources) => {
            sent.push(...resources);
            return [];
        },
    };
    return { session: session as AnalyzerSession, sent };
}

describe("policy engine: what AnalyzeStack is sent", () => {
    it("sends each resource's outputs, as the engine does, not its inputs", async () => {
        const { session, sent } = stubSession();
        await analyzeResources(session, [ROLE_POLICY]);
        assert.deepStrictEqual(sent.map((r) => r.properties), [ROLE_POLICY.outputs]);
    });

    it("sends the remediated values over the outputs when a policy remediated the inputs", async () => {
        const remediated = { ...ROLE_POLICY.inputs, policy: '{"Statement":[{"Effect":"Deny"}]}' };
        const { session, sent } = stubSession([{ policy: "p", urn: URN, properties: remediated }]);
        await analyzeResources(session, [ROLE_POLICY]);
        assert.deepStrictEqual(sent.map((r) => r.properties), [{ ...ROLE_POLICY.outputs, ...remediated }]);
    });
});

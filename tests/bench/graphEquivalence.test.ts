import * as assert from "assert";
import { customResourceDifferences } from "../../bench/lib/graphEquivalence";
import { quickshipDirect } from "../../bench/programs/quickshipDirect";
import { RecordedResource } from "../../engine/resourceGraph";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";

function resource(name: string, extra: Partial<RecordedResource> = {}): RecordedResource {
    return {
        urn: `urn:pulumi:dev::p::aws:iam/role:Role::${name}`,
        type: "aws:iam/role:Role",
        name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs: { description: "d", tags: { a: "1", b: "2" } },
        outputs: {},
        options: { ignoreChanges: [], replaceOnChanges: [] },
        ...extra,
    };
}

describe("bench: the direct QuickShip baseline", () => {
    it("declares the same AWS resources, inputs, options and dependencies as the components, and the same outputs", async () => {
        const viaComponents = await runUnderMocks(quickshipProgram, { project: "quickship" });
        const direct = await runUnderMocks(quickshipDirect, { project: "quickship" });
        assert.deepStrictEqual(customResourceDifferences(viaComponents.graph.resources, direct.graph.resources), []);
        assert.strictEqual(direct.graph.resources.filter((r) => r.custom).length, viaComponents.graph.resources.filter((r) => r.custom).length);
        assert.deepStrictEqual(direct.outputs, viaComponents.outputs);
        assert.ok(direct.graph.resources.every((r) => !r.type.startsWith("cloudmap-discovery:")), "the baseline must not use the components");
    });
});

describe("bench: customResourceDifferences", () => {
    it("ignores URNs, parents, component resources and key order", () => {
        const left = [resource("a", { urn: "urn:x::a", parent: "urn:x::component" }), resource("b", { dependencies: ["urn:x::a"] })];
        const right = [
            { ...resource("a"), inputs: { tags: { b: "2", a: "1" }, description: "d" } },
            resource("b", { dependencies: [resource("a").urn] }),
            { ...resource("component"), type: "pkg:index:Component", custom: false },
        ];
        assert.deepStrictEqual(customResourceDifferences(left, right), []);
    });

    it("reports a resource present on one side only", () => {
        assert.deepStrictEqual(customResourceDifferences([resource("a")], [resource("a"), resource("b")]),
            ["aws:iam/role:Role::b: only in the second graph"]);
    });

    it("reports different inputs, options and dependencies", () => {
        const changed = customResourceDifferences(
            [resource("a"), resource("b")],
            [
                resource("a", { inputs: { description: "other", tags: { a: "1", b: "2" } }, options: { ignoreChanges: [], replaceOnChanges: [], retainOnDelete: true } }),
                resource("b", { dependencies: [resource("a").urn], propertyDependencies: { role: [resource("a").urn] } }),
            ],
        );
        assert.deepStrictEqual(changed.map((d) => d.split(":\n")[0]), [
            "aws:iam/role:Role::a: inputs differ",
            "aws:iam/role:Role::a: options differ",
            "aws:iam/role:Role::b: dependencies differ",
            "aws:iam/role:Role::b: propertyDependencies differ",
        ]);
    });
});

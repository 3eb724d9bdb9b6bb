import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { runUnderMocks } from "../../engine/runUnderMocks";

describe("RecordingMonitor", () => {
    it("refuses a second resource with the same URN, as the engine does", async () => {
        await assert.rejects(runUnderMocks(() => {
            new aws.servicediscovery.HttpNamespace("same", { name: "a" });
            new aws.servicediscovery.HttpNamespace("same", { name: "b" });
        }), /Duplicate resource URN 'urn:pulumi:dev::project::aws:servicediscovery\/httpNamespace:HttpNamespace::same'; try giving it a unique name/);
    });

    it("makes URNs as the engine does: qualified by the parent's type, but not by the root stack's", async () => {
        const { graph } = await runUnderMocks(() => {
            const parent = new aws.servicediscovery.HttpNamespace("parent", { name: "p" });
            new aws.servicediscovery.HttpNamespace("child", { name: "c" }, { parent });
        });
        assert.deepStrictEqual(graph.resources.map((r) => r.urn), [
            "urn:pulumi:dev::project::pulumi:pulumi:Stack::project-dev",
            "urn:pulumi:dev::project::aws:servicediscovery/httpNamespace:HttpNamespace::parent",
            "urn:pulumi:dev::project::aws:servicediscovery/httpNamespace:HttpNamespace$aws:servicediscovery/httpNamespace:HttpNamespace::child",
        ]);
    });
});

import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { runUnderMocks } from "../../engine/runUnderMocks";

describe("RecordingMonitor", () => {
    it("refuses a second resource with the same URN, as the engine does", async () => {
        await assert.rejects(runUnderMocks(() => {
            new aws.servicediscovery.HttpNamespace("same", { name: "a" });
            new aws.servicediscovery.HttpNamespace("same", { name: "b" });
        }), /Duplicate resource URN 'urn:pulumi:dev::project::pulumi:pulumi:Stack\$aws:servicediscovery\/httpNamespace:HttpNamespace::same'; try giving it a unique name/);
    });
});

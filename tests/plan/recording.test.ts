import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import * as path from "path";
import { declarationsOf } from "../../engine/plan/declarations";
import { isSecret } from "../../engine/plan/wiring/values";
import { ResourceGraph } from "../../engine/resourceGraph";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { quickshipProgram } from "../../examples/quickship/quickshipProgram";
import { lineOf, REPO_ROOT } from "./fixtures";
import { recorded } from "./recorded";

describe("plan: what the recording keeps for the reports", () => {
    it("keeps the stack outputs as the engine receives them (a secret stays wrapped) and each resource's call stack", async () => {
        // A named function: the SDK reads positions only from frames that name their function.
        function program(): Record<string, unknown> {
            const namespace = new aws.servicediscovery.HttpNamespace("declared-here", { name: "recording.local" });
            return { name: namespace.name, token: pulumi.secret("t0ken") };
        }
        const { graph } = await runUnderMocks(program);
        const outputs = graph.ofType("pulumi:pulumi:Stack")[0].registeredOutputs ?? {};
        assert.strictEqual(outputs.name, "recording.local");
        assert.ok(isSecret(outputs.token), "the secret output keeps its wrapper");
        const frames = graph.one("aws:servicediscovery/httpNamespace:HttpNamespace", "declared-here").stackTrace ?? [];
        assert.deepStrictEqual([frames[0]?.file, frames[0]?.line], [__filename, lineOf(__filename, `new aws.servicediscovery.HttpNamespace("declared-here"`)]);
        assert.ok(frames.every((f) => !f.file.includes(`${path.sep}node_modules${path.sep}`)), "no SDK or library frames");
    });

    it("places every resource a component creates at the program line that created the component, not inside the component", async () => {
        const { graph } = await runUnderMocks(quickshipProgram, { project: "quickship" });
        const declarations = declarationsOf(graph, REPO_ROOT);
        const program = path.join(REPO_ROOT, "examples", "quickship", "quickshipProgram.ts");
        const places = new Set(graph.resources.filter((r) => r.custom).map((r) => {
            const at = declarations.get(r.urn);
            return at === undefined ? `${r.name}: none` : `${path.relative(REPO_ROOT, at.file)}:${at.line}`;
        }));
        assert.deepStrictEqual([...places], [`examples/quickship/quickshipProgram.ts:${lineOf(program, "new QuickShipTopology(")}`]);
    });

    it("falls back to the nearest ancestor's line when a resource's own stack has no line of the program", () => {
        const project = "/home/me/infra";
        const component = recorded("my:index:Platform", "platform", { custom: false, stackTrace: [
            { file: path.join(REPO_ROOT, "components", "quickShipTopology.ts"), line: 5, column: 1 },
            { file: "/home/me/other-project/helper.ts", line: 9, column: 1 },
            { file: `${project}/src/index.ts`, line: 12, column: 7 },
        ] });
        const child = recorded("aws:ec2/vpc:Vpc", "vpc", { parent: component.urn, stackTrace: [{ file: path.join(REPO_ROOT, "dist", "components", "x.js"), line: 1, column: 1 }] });
        const orphan = recorded("aws:ec2/vpc:Vpc", "elsewhere", { stackTrace: [{ file: "/home/me/other-project/helper.ts", line: 3, column: 1 }] });
        const declarations = declarationsOf(new ResourceGraph([component, child, orphan]), project);
        assert.deepStrictEqual([declarations.get(component.urn), declarations.get(child.urn), declarations.get(orphan.urn)], [
            { file: `${project}/src/index.ts`, line: 12, column: 7 },
            { file: `${project}/src/index.ts`, line: 12, column: 7 },
            undefined,
        ]);
    });
});

import { reportToParent } from "../lib/childReport";
import { runUnderMocks } from "../../engine/runUnderMocks";

/**
 * One whole-process run of the QuickShip stack under the AWS mocks, through the components
 * (`components`) or written directly against @pulumi/aws (`direct`). Only the program
 * module differs between the two, so the difference in wall time is the components' cost:
 * loading their code, validation, component resources and their outputs.
 */
async function main(variant: string): Promise<void> {
    const program = variant === "components"
        ? (await import("../../examples/quickship/quickshipProgram")).quickshipProgram
        : variant === "direct"
            ? (await import("../programs/quickshipDirect")).quickshipDirect
            : undefined;
    if (program === undefined) {
        throw new Error(`usage: runQuickship components|direct (got "${variant}")`);
    }
    const { graph } = await runUnderMocks(program, { project: "quickship" });
    reportToParent({ resources: graph.resources.length });
}

void main(process.argv[2]);

import * as fs from "fs";
import { UsageError } from "./args";

/**
 * Reads a `--stack-reference-outputs` file: a JSON object whose keys are stack names exactly as
 * the program passes them to `new pulumi.StackReference(name)` (e.g. `acme/network/prod`) and
 * whose values are that stack's outputs, e.g. `{ "acme/network/prod": { "vpcId": "vpc-0abc" } }`.
 */
export function readStackReferenceOutputs(file: string): Record<string, Record<string, unknown>> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new UsageError(`--stack-reference-outputs: cannot read ${file}: ${(err as Error).message}`);
    }
    const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
    if (!isObject(parsed)) {
        throw new UsageError(`--stack-reference-outputs: ${file} must hold a JSON object keyed by stack name, e.g. {"acme/network/prod": {"vpcId": "vpc-0abc"}}.`);
    }
    const notObjects = Object.keys(parsed).filter((stack) => !isObject(parsed[stack]));
    if (notObjects.length > 0) {
        throw new UsageError(`--stack-reference-outputs: in ${file}, the outputs of ${notObjects.map((s) => `"${s}"`).join(", ")} must be a JSON object of output name → value.`);
    }
    return parsed as Record<string, Record<string, unknown>>;
}

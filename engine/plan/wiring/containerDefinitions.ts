import { RecordedResource } from "../../resourceGraph";
import { asArray, asRecord, isSecret, isUnknown, unwrapSecret } from "./values";

/**
 * A task definition's containers, from its `containerDefinitions` (JSON text, or a list when
 * written as objects). `secret`: the whole value is a Pulumi secret, so values must be withheld.
 * `hidden`: not known until deploy, or not valid JSON.
 */
export type ContainerDefinitions =
    | { readonly definitions: readonly Record<string, unknown>[]; readonly secret: boolean }
    | { readonly hidden: "unknown" | "invalid" };

export function containerDefinitionsOf(task: RecordedResource): ContainerDefinitions {
    const raw = task.inputs.containerDefinitions;
    if (isUnknown(raw)) {
        return { hidden: "unknown" };
    }
    try {
        const value = unwrapSecret(raw);
        return { definitions: asArray(typeof value === "string" ? JSON.parse(value) : value).map(asRecord), secret: isSecret(raw) };
    } catch {
        return { hidden: "invalid" };
    }
}

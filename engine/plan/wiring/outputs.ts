import { ResourceGraph } from "../../resourceGraph";
import { TYPES } from "./resourceTypes";
import { containsUnknown, Disclosure, disclosureOf, masked } from "./values";

/** One stack output as the reports show it. */
export interface StackOutput {
    readonly name: string;
    /** `plain` (possibly with secret or unknown parts masked inside), `secret`, or `unknown` as a whole. */
    readonly disclosure: Disclosure;
    /** The value with secrets as "[secret]" and unknowns as "[unknown]"; absent unless `plain`. */
    readonly value?: unknown;
    /** True when some part of a plain value is not known until deploy. */
    readonly partlyUnknown: boolean;
}

/**
 * The stack outputs as the engine received them (the stack's registered outputs, where secrets
 * keep their wrapper and a preview's unknowns stay unknown), falling back to the resolved
 * outputs of the program run when the stack registered none.
 */
export function stackOutputsOf(graph: ResourceGraph, resolved: Readonly<Record<string, unknown>>): StackOutput[] {
    const registered = graph.ofType(TYPES.stack)[0]?.registeredOutputs ?? resolved;
    return Object.keys(registered).sort().map((name) => {
        const value = registered[name];
        const disclosure = disclosureOf(value);
        return disclosure === "plain"
            ? { name, disclosure, value: masked(value), partlyUnknown: containsUnknown(value) }
            : { name, disclosure, partlyUnknown: false };
    });
}

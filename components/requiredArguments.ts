import * as pulumi from "@pulumi/pulumi";
import { describeValue, Finding } from "./rules";

/**
 * The shape of the arguments a constructor reads into. TypeScript callers cannot leave them out,
 * pass null, or pass an Output where the type says a list; Python, Go, C# and YAML programs reach
 * the constructor through the provider's Construct with whatever they sent (a `None` in a list,
 * an explicit null, an `Output[list]`, which the provider hands over as an Output), and must be
 * told which argument is wrong rather than "Cannot read properties of null". Checked before the
 * constructor reads anything, so a refused component creates no children.
 *
 * `required`: each argument and what to pass for it. `lists`: arguments holding lists of objects,
 * which must be lists known at construction, without null elements.
 */
export function checkRequiredArguments(args: object | null | undefined, required: Readonly<Record<string, string>>, lists: readonly string[] = []): Finding[] {
    const values = (args ?? {}) as Record<string, unknown>;
    const missing = Object.entries(required)
        .filter(([key]) => values[key] === undefined || values[key] === null)
        .map(([key, what]): Finding => ({
            rule: "argument-required",
            path: key,
            message: `Required, but ${values[key] === null ? "null" : "nothing"} was given.`,
            fix: `Pass ${what}.`,
        }));
    return [...missing, ...lists.flatMap((key) => checkListOfObjects(values[key], key))];
}

function checkListOfObjects(list: unknown, path: string): Finding[] {
    if (list === undefined || list === null) {
        return [];
    }
    if (!Array.isArray(list)) {
        const given = pulumi.Output.isInstance(list) ? "an Output" : describeValue(list);
        return [{
            rule: "argument-type",
            path,
            message: `Must be a list whose entries are known when the component is built, not ${given}.`,
            fix: "Pass a list; its entries' fields (ids, ARNs) may be Outputs.",
        }];
    }
    return list.flatMap((item, i): Finding[] => (item === null || typeof item !== "object"
        ? [{ rule: "argument-type", path: `${path}[${i}]`, message: `${describeValue(item)} is not an object.`, fix: "Remove it, or pass an object in its place." }]
        : []));
}

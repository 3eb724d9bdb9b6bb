import * as pulumi from "@pulumi/pulumi";

interface Constructed {
    readonly type: string;
    readonly name: string;
    readonly resource: pulumi.Resource;
    readonly props: Record<string, unknown>;
}

/**
 * What the program has started, so that when it stops making progress (an `apply` awaiting
 * a promise that never settles) the plan can name what never finished: the resources never
 * registered, with the inputs they wait for, and the stack outputs never resolved.
 */
export class PendingWork {
    private readonly constructed: Constructed[] = [];
    private exported: unknown;

    /** Call first thing inside the stack: from then on every resource is seen as it is constructed. */
    watchResources(): void {
        pulumi.runtime.registerStackTransformation((args) => {
            this.constructed.push({ type: args.type, name: args.name, resource: args.resource, props: (args.props ?? {}) as Record<string, unknown> });
            return undefined;
        });
    }

    /** The program's exports (or the value its exported function returned), once it has them. */
    watchOutputs(exported: unknown): void {
        this.exported = exported;
    }

    /**
     * One line per thing still pending, e.g. `resource "lb" (aws:lb/loadBalancer:LoadBalancer),
     * waiting for its input "subnets"`. Meant to be called once nothing else can run (every
     * settled promise has had its turn), so "not settled by the next turn" means "never".
     */
    async describe(): Promise<string[]> {
        const lines: string[] = [];
        for (const { type, name, resource, props } of this.constructed) {
            if (await settles((resource as unknown as { urn?: unknown }).urn)) {
                continue;
            }
            const waiting: string[] = [];
            for (const [key, value] of Object.entries(props)) {
                if (!(await settles(value))) {
                    waiting.push(`"${key}"`);
                }
            }
            lines.push(`resource "${name}" (${type})${waiting.length > 0 ? `, waiting for its input${waiting.length > 1 ? "s" : ""} ${waiting.join(", ")}` : ""}`);
        }
        let exported = this.exported;
        if (exported instanceof Promise) {
            if (!(await settles(exported, new Set(), false))) {
                return [...lines, "the program's exports (the promise its module or function returned never settled)"];
            }
            exported = await exported;
        }
        if (exported !== null && typeof exported === "object" && !pulumi.Output.isInstance(exported) && !Array.isArray(exported)) {
            for (const [key, value] of Object.entries(exported)) {
                if (!(await settles(value))) {
                    lines.push(`stack output "${key}"`);
                }
            }
        } else if (!(await settles(exported))) {
            lines.push("the program's exports");
        }
        return lines;
    }
}

/** The promise behind a value: an Output's, a promise itself, or none for plain values. */
function promiseOf(value: unknown): Promise<unknown> | undefined {
    if (pulumi.Output.isInstance(value)) {
        return (value as unknown as { promise(): Promise<unknown> }).promise();
    }
    return value instanceof Promise ? value : undefined;
}

/**
 * True when `value` has settled, or settles within a turn; with `deep`, also every Output or
 * promise inside it (and inside what it resolves to).
 */
async function settles(value: unknown, seen = new Set<unknown>(), deep = true): Promise<boolean> {
    if (value === null || typeof value !== "object" || seen.has(value)) {
        return true;
    }
    seen.add(value);
    const promise = promiseOf(value);
    if (promise !== undefined) {
        const turn = new Promise<false>((resolve) => setImmediate(() => resolve(false)));
        const settled = await Promise.race([promise.then(() => true, () => true), turn]);
        return settled && (!deep || settles(await promise.catch(() => undefined), seen));
    }
    if (pulumi.Resource.isInstance(value)) {
        return true;
    }
    for (const element of Array.isArray(value) ? value : Object.values(value)) {
        if (!(await settles(element, seen))) {
            return false;
        }
    }
    return true;
}

/** One resource registration as the engine would receive it. */
export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** True for provider resources (AWS objects), false for components and the stack. */
    readonly custom: boolean;
    /**
     * True for a remote (multi-language) component such as `@pulumi/awsx`'s `ec2.Vpc`: its
     * provider plugin creates its children at deploy time, so they are not in the graph.
     */
    readonly remote?: boolean;
    /** The `import` option: the id of an existing resource the program adopts instead of creating. */
    readonly importId?: string;
    readonly parent?: string;
    /** Every resource this one waits for (explicit `dependsOn` and property references). */
    readonly dependencies: readonly string[];
    /** For each input property, the resources its value came from. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /**
     * Inputs as sent to the provider. Recorded in-process they are the SDK's values; in a plan's
     * graph they are in wire form (wireProperties.ts), unknowns as the sentinel string.
     */
    readonly inputs: Readonly<Record<string, unknown>>;
    /** The id and outputs the (mock) provider returned. */
    readonly id?: string;
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly options: ResourceOptionsRecord;
    /**
     * What a component or the stack passed to `registerOutputs`, as the engine received it:
     * secrets keep their wrapper and, in a preview, unknowns are unknown. The stack's are the
     * stack outputs.
     */
    readonly registeredOutputs?: Readonly<Record<string, unknown>>;
    /**
     * The call stack of the `new` that declared the resource, innermost frame first, as the SDK
     * sends it with the registration; frames in node_modules (the SDK, libraries) are left out.
     */
    readonly stackTrace?: readonly SourcePosition[];
}

/** A position in a source file, as the SDK reports it (1-based line and column). */
export interface SourcePosition {
    readonly file: string;
    readonly line: number;
    readonly column: number;
}

export interface ResourceOptionsRecord {
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
    readonly deleteBeforeReplace?: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly provider?: string;
    readonly deletedWith?: string;
}

/** Queries over a recorded resource graph. */
export class ResourceGraph {
    private readonly byUrn: Map<string, RecordedResource>;

    constructor(readonly resources: readonly RecordedResource[]) {
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    }

    get(urn: string): RecordedResource | undefined {
        return this.byUrn.get(urn);
    }

    /** Resources of a type token, in registration order. */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The single resource of `type` whose logical name is `name`; throws when there is not exactly one. */
    one(type: string, name: string): RecordedResource {
        const matches = this.resources.filter((r) => r.type === type && r.name === name);
        if (matches.length !== 1) {
            const names = this.ofType(type).map((r) => r.name);
            throw new Error(`expected one ${type} named "${name}", found ${matches.length} (names: ${names.join(", ") || "none"})`);
        }
        return matches[0];
    }

    /** Direct children of a resource. */
    childrenOf(urn: string): RecordedResource[] {
        return this.resources.filter((r) => r.parent === urn);
    }

    /** The chain of parents from a resource up to the stack, nearest first. */
    ancestorsOf(urn: string): RecordedResource[] {
        const chain: RecordedResource[] = [];
        let current = this.byUrn.get(urn)?.parent;
        while (current !== undefined) {
            const parent = this.byUrn.get(current);
            if (parent === undefined) {
                break;
            }
            chain.push(parent);
            current = parent.parent;
        }
        return chain;
    }

    /** Count of resources per type token. */
    countByType(): Record<string, number> {
        const counts: Record<string, number> = {};
        for (const r of this.resources) {
            counts[r.type] = (counts[r.type] ?? 0) + 1;
        }
        return counts;
    }
}

import * as pulumi from "@pulumi/pulumi";
import { checkUniqueServiceNames, Finding, NamespaceKind, ServiceNameUse } from "./rules";

/**
 * What one Pulumi program has declared so far, for the rules that span components: two Cloud
 * Map services of the same name in one namespace, or the same edge declared twice. Kept per
 * program run, keyed by its stack resource, so tests and the offline plan, which run many
 * programs in one process, never see another run's declarations; inside a provider's Construct
 * (another language's program) there is no stack resource, and the call's own state store is the key.
 */
interface ProgramDeclarations {
    /** The Cloud Map services declared, by namespace key (see namespaceKey). */
    readonly services: ServiceNameUse[];
    /** `caller ⇒ callee` keys of the edges declared. */
    readonly edges: Set<string>;
}

// The SDK's per-run state store (per Construct call in a provider): not part of its declared API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): object };

const byProgram = new WeakMap<object, ProgramDeclarations>();

function declarations(): ProgramDeclarations {
    const key = pulumi.runtime.getStackResource() ?? state.getStore();
    let found = byProgram.get(key);
    if (found === undefined) {
        found = { services: [], edges: new Set() };
        byProgram.set(key, found);
    }
    return found;
}

// A namespace id given as an Output (a namespace of this program) is told apart by identity.
const outputKeys = new WeakMap<object, string>();
let outputCount = 0;

function namespaceKey(namespaceId: unknown): string {
    if (typeof namespaceId === "string") {
        return namespaceId;
    }
    if (namespaceId === null || typeof namespaceId !== "object") {
        return String(namespaceId);
    }
    const key = outputKeys.get(namespaceId) ?? `namespace#${++outputCount}`;
    outputKeys.set(namespaceId, key);
    return key;
}

/**
 * Refuses a second Cloud Map service of the same name in the same namespace (the rulebook's
 * checkUniqueServiceNames: case-insensitive in DNS namespaces): AWS rejects it with
 * ServiceAlreadyExists minutes into the deployment. `component` names the declaring component.
 */
export function checkServiceNameUnique(namespace: { namespaceId: unknown; kind?: NamespaceKind }, serviceName: string, component: string): Finding[] {
    const { services } = declarations();
    const use: ServiceNameUse = { namespace: namespaceKey(namespace.namespaceId), namespaceKind: namespace.kind, name: serviceName, path: "name" };
    const findings = checkUniqueServiceNames([...services, use]).filter((f) => f.path === "name");
    if (findings.length === 0) {
        services.push({ ...use, path: component });
    }
    return findings;
}

/** True when this program already declared the edge `key`. */
export function isEdgeDeclared(key: string): boolean {
    return declarations().edges.has(key);
}

export function declareEdge(key: string): void {
    declarations().edges.add(key);
}

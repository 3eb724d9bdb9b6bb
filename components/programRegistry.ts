import * as pulumi from "@pulumi/pulumi";
import { NamespaceRef } from "./refs";
import { Finding } from "./rules";

/**
 * What one Pulumi program has declared so far, for the rules that span components: two Cloud
 * Map services of the same name in one namespace, or the same edge declared twice. Kept per
 * program run (keyed by its stack resource), so tests and the offline plan, which run many
 * programs in one process, never see another run's declarations.
 */
interface ProgramDeclarations {
    /** Per namespace (its id as given: a string, or the Output object of the namespace component), the service names in it. */
    readonly servicesByNamespace: Map<unknown, Set<string>>;
    /** `caller ⇒ callee` keys of the edges declared. */
    readonly edges: Set<string>;
}

const byProgram = new WeakMap<object, ProgramDeclarations>();
// Outside a program run (no stack resource, e.g. constructing in a unit test without mocks) nothing is shared.
const detached = (): ProgramDeclarations => ({ servicesByNamespace: new Map(), edges: new Set() });

function declarations(): ProgramDeclarations {
    const stack = pulumi.runtime.getStackResource();
    if (stack === undefined) {
        return detached();
    }
    let found = byProgram.get(stack);
    if (found === undefined) {
        found = detached();
        byProgram.set(stack, found);
    }
    return found;
}

/**
 * Refuses a second Cloud Map service of the same name in the same namespace: AWS rejects it
 * with ServiceAlreadyExists minutes into the deployment (API_CreateService).
 */
export function checkServiceNameUnique(namespace: NamespaceRef, serviceName: string): Finding[] {
    const { servicesByNamespace } = declarations();
    const names = servicesByNamespace.get(namespace.namespaceId) ?? new Set<string>();
    servicesByNamespace.set(namespace.namespaceId, names);
    if (names.has(serviceName)) {
        return [{
            rule: "cloudmap-service-name-unique",
            path: "name",
            message: `The program already declares a service "${serviceName}" in namespace "${namespace.name}"; Cloud Map rejects the second with ServiceAlreadyExists.`,
            fix: "Give the service another name, or reuse the existing DiscoverableService.",
        }];
    }
    names.add(serviceName);
    return [];
}

/** True when this program already declared the edge `key`. */
export function isEdgeDeclared(key: string): boolean {
    return declarations().edges.has(key);
}

export function declareEdge(key: string): void {
    declarations().edges.add(key);
}

import { NamespaceKind } from "./cloudMapShapes";
import { Finding } from "./finding";

/** One Cloud Map service a program creates: where it is declared and what it is called. */
export interface ServiceNameUse {
    /** Identifies the namespace: its id, or its name when the id is not known yet. */
    readonly namespace: string;
    readonly namespaceKind?: NamespaceKind;
    readonly name: string;
    /** Where the caller declared it, e.g. `inventory` or `services[1].name`. */
    readonly path: string;
}

/**
 * Refuses two services of the same name in one namespace, which CreateService rejects
 * (ServiceAlreadyExists) only when the second is created. In DNS namespaces names that differ
 * only by case are the same DNS name and clash too; in HTTP namespaces case matters
 * (https://docs.aws.amazon.com/cloud-map/latest/dg/creating-services.html).
 */
export function checkUniqueServiceNames(uses: readonly ServiceNameUse[]): Finding[] {
    const first = new Map<string, ServiceNameUse>();
    const findings: Finding[] = [];
    for (const use of uses) {
        const name = use.namespaceKind === "http" ? use.name : use.name.toLowerCase();
        const key = JSON.stringify([use.namespace, name]);
        const earlier = first.get(key);
        if (earlier === undefined) {
            first.set(key, use);
            continue;
        }
        findings.push({
            rule: "cloudmap-service-name-unique",
            path: use.path,
            message: `"${use.name}" is already the name of a service in this namespace (declared at ${earlier.path})` +
                (earlier.name !== use.name ? "; DNS names differ only in case, so they are the same name" : "") +
                "; Cloud Map refuses a second one (Cloud Map API, CreateService: ServiceAlreadyExists).",
            fix: "Give each service in a namespace its own name, or reuse the existing service.",
        });
    }
    return findings;
}

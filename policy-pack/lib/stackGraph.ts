import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { namespaceKindOfType, NamespaceKind } from "../../components/rules";
import { TYPES } from "./resourceTypes";

/**
 * Resources that `resource` took the value of `property` from, optionally of one type.
 * Property dependencies are known in preview even when the ids they carry are not, which is
 * what lets stack policies connect namespace → service → ECS service before anything exists.
 */
export function dependenciesVia(resource: PolicyResource, property: string, type?: string): PolicyResource[] {
    return (resource.propertyDependencies[property] ?? []).filter((r) => type === undefined || r.type === type);
}

/** Resources of `type` whose `property` came from `target`. */
export function dependentsVia(resources: readonly PolicyResource[], target: PolicyResource, property: string, type: string): PolicyResource[] {
    return resources.filter((r) => r.type === type && dependenciesVia(r, property).includes(target));
}

/** The namespace a Cloud Map service lives in: through `dnsConfig.namespaceId` or, for API-only services, `namespaceId`. */
export function namespaceOf(service: PolicyResource): PolicyResource | undefined {
    return [...dependenciesVia(service, "dnsConfig"), ...dependenciesVia(service, "namespaceId")]
        .find((r) => namespaceKindOfType(r.type) !== undefined);
}

/** The kind of a service's namespace; undefined when the namespace is not in this stack. */
export function namespaceKindOf(service: PolicyResource): NamespaceKind | undefined {
    const namespace = namespaceOf(service);
    return namespace === undefined ? undefined : namespaceKindOfType(namespace.type);
}

/** The Cloud Map services an ECS service registers its tasks in. */
export function registriesOf(ecsService: PolicyResource): PolicyResource[] {
    return dependenciesVia(ecsService, "serviceRegistries", TYPES.cloudMapService);
}

/**
 * Runs `check` on each resource (or role, ...). One whose values are still unknown (preview) is
 * skipped rather than guessed at; once every other one is checked, the first unknown
 * is re-thrown so that @pulumi/policy reports its advisory "can't run during preview".
 */
export function forEachKnown<T>(items: readonly T[], check: (item: T) => void): void {
    let unknown: UnknownValueError | undefined;
    for (const item of items) {
        try {
            check(item);
        } catch (error) {
            if (!(error instanceof UnknownValueError)) {
                throw error;
            }
            unknown = unknown ?? error;
        }
    }
    if (unknown !== undefined) {
        throw unknown;
    }
}

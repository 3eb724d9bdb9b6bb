import { PolicyResource } from "@pulumi/policy";
import { namespaceKindOfType, NamespaceKind } from "../../components/rules";
import { asBlock, asBoolean, asBlocks } from "./read";
import { dependenciesVia } from "./stackGraph";

/**
 * An ECS service's Service Connect configuration when it is turned on, else undefined. Read
 * through `props`, so an unknown configuration throws the "can't run during preview" advisory.
 */
export function serviceConnectOf(ecsService: PolicyResource): Record<string, unknown> | undefined {
    const configuration = asBlock(ecsService.props.serviceConnectConfiguration);
    return configuration !== undefined && asBoolean(configuration.enabled) === true ? configuration : undefined;
}

/** The `services` entries of a Service Connect configuration. */
export function serviceConnectServicesOf(configuration: Record<string, unknown>): Record<string, unknown>[] {
    return asBlocks(configuration.services);
}

/** The namespace resource of this stack a Service Connect configuration names (by its ARN or name), when there is one. */
export function serviceConnectNamespaceOf(ecsService: PolicyResource): { resource: PolicyResource; kind: NamespaceKind } | undefined {
    const resource = dependenciesVia(ecsService, "serviceConnectConfiguration").find((r) => namespaceKindOfType(r.type) !== undefined);
    return resource === undefined ? undefined : { resource, kind: namespaceKindOfType(resource.type)! };
}

import { PolicyResource } from "@pulumi/policy";
import { namespaceKindOfType, NamespaceKind, ServiceConnectServiceShape } from "../../components/rules";
import { asBlock, asBoolean, asBlocks, asList, asNumberForRule, asStringForRule, Block, isUnset } from "./read";
import { dependenciesVia } from "./stackGraph";

/**
 * An ECS service's Service Connect configuration when it is turned on, else undefined. Read
 * through `props`, so an unknown configuration throws the "can't run during preview" advisory.
 */
export function serviceConnectOf(ecsService: PolicyResource): Record<string, unknown> | undefined {
    const configuration = asBlock(ecsService.props.serviceConnectConfiguration);
    return configuration !== undefined && asBoolean(configuration.enabled) === true ? configuration : undefined;
}

/**
 * The `services` entries of a Service Connect configuration, their values read as the provider
 * decodes them (lib/read.ts: a port given as decimal text is that port, a name given as a number
 * its digits). A value that cannot be read (NaN, an object where text is expected) is kept as it
 * is, so the rule names it in its message.
 */
export function serviceConnectServicesOf(configuration: Record<string, unknown>): ServiceConnectServiceShape[] {
    return asBlocks(configuration.services).map((service) => ({
        portName: asStringForRule(service.portName),
        discoveryName: asStringForRule(service.discoveryName),
        clientAlias: isUnset(service.clientAlias) ? undefined : asList(service.clientAlias).map((alias) => {
            const block = asBlock(alias);
            return block === undefined ? alias : { port: asNumberForRule(block.port), dnsName: asStringForRule(block.dnsName) };
        }),
        timeout: timeoutOf(service.timeout),
        tls: isUnset(service.tls) ? undefined : service.tls,
    }));
}

/** A timeout block with its numbers read; anything else as it is. */
function timeoutOf(value: unknown): unknown {
    const timeout: Block | undefined = asBlock(value);
    return timeout === undefined
        ? (isUnset(value) ? undefined : value)
        : { idleTimeoutSeconds: asNumberForRule(timeout.idleTimeoutSeconds), perRequestTimeoutSeconds: asNumberForRule(timeout.perRequestTimeoutSeconds) };
}

/** The namespace resource of this stack a Service Connect configuration names (by its ARN or name), when there is one. */
export function serviceConnectNamespaceOf(ecsService: PolicyResource): { resource: PolicyResource; kind: NamespaceKind } | undefined {
    const resource = dependenciesVia(ecsService, "serviceConnectConfiguration").find((r) => namespaceKindOfType(r.type) !== undefined);
    return resource === undefined ? undefined : { resource, kind: namespaceKindOfType(resource.type)! };
}

import { PolicyResource } from "@pulumi/policy";
import { ContainerShape, NamedPortMappingShape } from "../../components/rules";
import { asBlocks, asJson, asNumber, asString, asStringForRule } from "./read";

/**
 * The containers of a task definition. `containerDefinitions` is a JSON string (the
 * RegisterTaskDefinition document); text that does not parse, or is not a list, is left to the
 * provider, which reports it, so it is treated here as unknown (undefined). A container without a
 * readable name cannot be the one a registry names, and is left out.
 */
export function containersOf(taskDefinition: PolicyResource): ContainerShape[] | undefined {
    const parsed = asJson(taskDefinition.props.containerDefinitions);
    if (!Array.isArray(parsed)) {
        return undefined;
    }
    return asBlocks(parsed).flatMap((container) => {
        const name = asString(container.name);
        return name === undefined ? [] : [{
            name,
            portMappings: asBlocks(container.portMappings).map((mapping) => ({ containerPort: asNumber(mapping.containerPort) })),
        }];
    });
}

/** What Service Connect reads of a task definition's containers: every port mapping, and each container's memory limit. */
export interface ServiceConnectContainers {
    readonly portMappings: NamedPortMappingShape[];
    /** Each container's hard memory limit in MiB; undefined for a container that sets none. */
    readonly memory: (number | undefined)[];
}

/** The port mappings (with their names and app protocols) and memory limits of a task definition's containers; undefined when unreadable. */
export function serviceConnectContainersOf(taskDefinition: PolicyResource): ServiceConnectContainers | undefined {
    const parsed = asJson(taskDefinition.props.containerDefinitions);
    if (!Array.isArray(parsed)) {
        return undefined;
    }
    const containers = asBlocks(parsed);
    return {
        portMappings: containers.flatMap((container) => asBlocks(container.portMappings).map((mapping) => ({
            containerPort: asNumber(mapping.containerPort),
            name: asStringForRule(mapping.name),
            appProtocol: asStringForRule(mapping.appProtocol),
        }))),
        memory: containers.map((container) => asNumber(container.memory)),
    };
}

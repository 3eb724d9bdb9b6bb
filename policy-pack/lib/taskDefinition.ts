import { PolicyResource } from "@pulumi/policy";
import { ContainerShape } from "../../components/rules";
import { asBlocks, asJson, asNumber, asString } from "./read";

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

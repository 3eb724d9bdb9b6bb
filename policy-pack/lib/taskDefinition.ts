import { PolicyResource } from "@pulumi/policy";
import { ContainerShape } from "../../components/rules";

/**
 * The containers of a task definition. `containerDefinitions` is a JSON string (the
 * RegisterTaskDefinition document); text that does not parse is left to the provider, which
 * reports it, so it is treated here as unknown.
 */
export function containersOf(taskDefinition: PolicyResource): ContainerShape[] | undefined {
    try {
        const parsed: unknown = JSON.parse(taskDefinition.props.containerDefinitions);
        return Array.isArray(parsed) ? (parsed as ContainerShape[]) : undefined;
    } catch (error) {
        if (error instanceof SyntaxError) {
            return undefined;
        }
        throw error;
    }
}

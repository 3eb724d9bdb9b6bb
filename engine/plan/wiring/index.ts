import { ResourceGraph } from "../../resourceGraph";
import { Connectivity, connectivityOf } from "./connectivity";
import { Environments, environmentsOf } from "./environment";
import { grantsOf, RoleGrants } from "./grants";
import { StackOutput, stackOutputsOf } from "./outputs";

export type { Connectivity, ConnectedWorkload, Flow, FlowEnd } from "./connectivity";
export type { ContainerEnvironment, EnvironmentVariable, Environments } from "./environment";
export type { GrantStatement, RoleGrants, RolePolicyGrant } from "./grants";
export type { Resolvable } from "./discovery";
export type { StackOutput } from "./outputs";

/**
 * What a reviewer must approve besides the resources: who may talk to whom, what each role
 * may do, what each container is told, and what the stack exports. Computed from the recorded
 * graph alone, so resources written by hand are covered as well as the components' children.
 */
export interface Wiring {
    readonly connectivity: Connectivity;
    readonly grants: readonly RoleGrants[];
    readonly environment: Environments;
    readonly outputs: readonly StackOutput[];
}

export function wiringOf(graph: ResourceGraph, resolvedOutputs: Readonly<Record<string, unknown>>): Wiring {
    const grants = grantsOf(graph);
    const environment = environmentsOf(graph);
    return {
        connectivity: connectivityOf(graph, grants, environment),
        grants,
        environment,
        outputs: stackOutputsOf(graph, resolvedOutputs),
    };
}

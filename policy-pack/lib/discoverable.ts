import { PolicyResource } from "@pulumi/policy";
import { isUnset } from "./read";
import { TYPES } from "./resourceTypes";
import { isUnknownAt } from "./unknowns";

/**
 * ECS services that register their tasks in Cloud Map, i.e. services other services discover.
 * A registry that is not known yet counts: the policy that reads it then says it can't run.
 */
export function discoverableEcsServices(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => r.type === TYPES.ecsService &&
        (isUnknownAt(r.props, "serviceRegistries") || !isUnset(r.props.serviceRegistries)));
}

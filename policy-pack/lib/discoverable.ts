import { PolicyResource } from "@pulumi/policy";
import { TYPES } from "./resourceTypes";

/** ECS services that register their tasks in Cloud Map, i.e. services other services discover. */
export function discoverableEcsServices(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => r.type === TYPES.ecsService && r.props.serviceRegistries !== undefined);
}

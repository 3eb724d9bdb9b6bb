import { StackValidationPolicy } from "@pulumi/policy";
import { checkPublicNamespace, PUBLIC_NAMESPACE_SCHEMA } from "../lib/allowedPublicNamespaces";
import { asString } from "../lib/read";
import { reportMessage } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependentsVia, forEachKnown, namespaceOf } from "../lib/stackGraph";

/**
 * Names every internal service a public namespace would expose: Cloud Map services in the
 * namespace, and the ECS services and instances registered in them. It follows property
 * dependencies, not ids, so the verdict is the same in preview, when no id is known yet.
 */
export const awsCloudmapNamespaceNoExposedServices: StackValidationPolicy = {
    name: "aws-cloudmap-namespace-no-exposed-services",
    description: "Disallows registering services in a public Cloud Map namespace unless allow-listed, because their task addresses become resolvable from the internet.",
    enforcementLevel: "mandatory",
    configSchema: PUBLIC_NAMESPACE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const services = args.resources.filter((r) => r.type === TYPES.cloudMapService);
        forEachKnown(services, (service) => {
            const namespace = namespaceOf(service);
            const namespaceName = namespace === undefined ? undefined : asString(namespace.props.name);
            if (namespace?.type !== TYPES.publicDnsNamespace || checkPublicNamespace(args, namespaceName).length === 0) {
                return;
            }
            const registered = [
                ...dependentsVia(args.resources, service, "serviceRegistries", TYPES.ecsService).map((r) => `ECS service "${r.name}"`),
                ...dependentsVia(args.resources, service, "serviceId", TYPES.cloudMapInstance).map((r) => `instance "${r.name}"`),
            ];
            reportMessage(
                `Cloud Map service "${asString(service.props.name) ?? service.name}" is in public DNS namespace "${namespaceName ?? "(unknown)"}", ` +
                `so ${registered.length > 0 ? registered.join(", ") : "whatever registers in it"} would be resolvable from the internet. ` +
                "Fix: move the service to a private DNS namespace, or allow-list the namespace in allowedPublicNamespaces.",
                reportViolation, service.urn,
            );
        });
    },
};

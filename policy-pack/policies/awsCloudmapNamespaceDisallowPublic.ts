import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkPublicNamespace, PUBLIC_NAMESPACE_SCHEMA } from "../lib/allowedPublicNamespaces";
import { asString } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";

// A public DNS namespace creates a public Route 53 hosted zone: every instance registered in
// it is resolvable from the internet (Cloud Map developer guide, "Creating a public DNS namespace").
export const awsCloudmapNamespaceDisallowPublic: ResourceValidationPolicy = {
    name: "aws-cloudmap-namespace-disallow-public",
    description: "Disallows public Cloud Map DNS namespaces unless allow-listed, because they publish internal service addresses to the internet.",
    enforcementLevel: "mandatory",
    configSchema: PUBLIC_NAMESPACE_SCHEMA,
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.publicDnsNamespace) {
            return;
        }
        reportFindings(checkPublicNamespace(args, asString(args.props.name)), reportViolation);
    },
};

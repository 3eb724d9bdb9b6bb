import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkDescription, checkHttpNamespaceName, DESCRIPTION_LIMITS, NamespaceKind, throwOnFindings } from "./rules";
import { checkComponentTags } from "./tagChecks";
import { typeToken } from "./typeToken";

export interface HttpNamespaceArgs {
    /** The namespace name callers pass to DiscoverInstances, e.g. `payments`. */
    readonly name: string;
    /** The namespace's description (at most 1,024 characters). Default: "Service discovery for <name>" (cut to 1,024 characters). */
    readonly description?: string;
    /** Tags of the namespace. Default: none. */
    readonly tags?: Record<string, pulumi.Input<string>>;
}

/**
 * A Cloud Map HTTP namespace: no hosted zone, so nothing is resolvable through DNS; instances
 * are found with the DiscoverInstances API, and ECS Service Connect can use it for its names.
 */
export class HttpNamespace extends pulumi.ComponentResource {
    /** The namespace name. */
    readonly name: string;
    /** Namespace id (`ns-…`). */
    readonly namespaceId: pulumi.Output<string>;
    readonly namespaceArn: pulumi.Output<string>;
    /** Always `"http"`. */
    readonly kind: NamespaceKind;

    constructor(name: string, args: HttpNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("HttpNamespace"), name, {}, opts);
        throwOnFindings("HttpNamespace", name, [
            ...checkHttpNamespaceName(args.name, "name"),
            ...checkDescription(args.description, "cloudmap-namespace"),
            ...checkComponentTags(args.tags, ["cloudmap"]),
        ]);

        this.name = args.name;
        this.kind = NamespaceKind.Http;
        const namespace = new aws.servicediscovery.HttpNamespace(name, {
            name: args.name,
            // The default quotes the name, which may be up to 1,024 characters itself: cut to the description's limit.
            // An HTTP namespace name may be as long as a description: the default is cut to the limit, in characters as AWS counts them.
            description: args.description ?? [...`Service discovery for ${args.name}`].slice(0, DESCRIPTION_LIMITS["cloudmap-namespace"].maxLength).join(""),
            // A copy: the SDK cannot serialize an object without a prototype, which plain JavaScript can pass.
            tags: args.tags === undefined ? undefined : { ...args.tags },
        }, { parent: this });
        this.namespaceId = namespace.id;
        this.namespaceArn = namespace.arn;
        this.registerOutputs({ namespaceId: this.namespaceId, namespaceArn: this.namespaceArn });
    }
}

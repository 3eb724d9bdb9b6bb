import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkHttpNamespaceName, NamespaceKind, throwOnFindings } from "./rules";
import { typeToken } from "./typeToken";

export interface HttpNamespaceArgs {
    /** The namespace name callers pass to DiscoverInstances, e.g. `payments`. */
    readonly name: string;
    /** @default "Service discovery for <name>" */
    readonly description?: string;
    /** @default {} */
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
        throwOnFindings("HttpNamespace", name, checkHttpNamespaceName(args.name, "name"));

        this.name = args.name;
        this.kind = NamespaceKind.Http;
        const namespace = new aws.servicediscovery.HttpNamespace(name, {
            name: args.name,
            description: args.description ?? `Service discovery for ${args.name}`,
            tags: args.tags,
        }, { parent: this });
        this.namespaceId = namespace.id;
        this.namespaceArn = namespace.arn;
        this.registerOutputs({ namespaceId: this.namespaceId, namespaceArn: this.namespaceArn });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkNamespaceName, throwOnFindings } from "./rules";
import { typeToken } from "./typeToken";

export interface PrivateDnsNamespaceArgs {
    /**
     * The domain the namespace serves, e.g. `quickship.local`. Plain text rather than an
     * Input because it is validated at construction.
     */
    readonly name: string;
    /**
     * The VPC that resolves the namespace. Private namespaces only resolve in a VPC with
     * `enableDnsSupport` and `enableDnsHostnames` both on; `DiscoveryNetwork` creates such
     * a VPC, an existing one must have both set.
     */
    readonly vpcId: pulumi.Input<string>;
    /** @default "Service discovery for <name>" */
    readonly description?: string;
    /** @default {} */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Cloud Map private DNS namespace: a Route 53 private hosted zone in which Cloud Map
 * services publish records that only the VPC can resolve.
 */
export class PrivateDnsNamespace extends pulumi.ComponentResource {
    /** The domain, e.g. `quickship.local`. */
    readonly name: string;
    /** Namespace id (`ns-…`). */
    readonly id: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** The Route 53 hosted zone Cloud Map created. */
    readonly hostedZoneId: pulumi.Output<string>;
    readonly namespace: aws.servicediscovery.PrivateDnsNamespace;

    constructor(name: string, args: PrivateDnsNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("PrivateDnsNamespace"), name, {}, opts);
        throwOnFindings("PrivateDnsNamespace", name, checkNamespaceName(args.name, "name"));

        this.name = args.name.replace(/\.$/, "");
        this.namespace = new aws.servicediscovery.PrivateDnsNamespace(name, {
            name: this.name,
            vpc: args.vpcId,
            description: args.description ?? `Service discovery for ${this.name}`,
            tags: args.tags,
        }, { parent: this });
        this.id = this.namespace.id;
        this.arn = this.namespace.arn;
        this.hostedZoneId = this.namespace.hostedZone;
        this.registerOutputs({ id: this.id, arn: this.arn, hostedZoneId: this.hostedZoneId });
    }
}

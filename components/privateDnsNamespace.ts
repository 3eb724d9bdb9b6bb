import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { vpcIdWithDnsChecked } from "./vpcDns";
import { checkDescription, checkNamespaceName, checkVpcId, NamespaceKind, throwOnFindings } from "./rules";
import { checkComponentTags } from "./tagChecks";
import { typeToken } from "./typeToken";

export interface PrivateDnsNamespaceArgs {
    /**
     * The domain the namespace serves, e.g. `quickship.local`. Plain text rather than an
     * Input because it is validated at construction and callers' environments are built from it.
     */
    readonly name: string;
    /**
     * The VPC that resolves the namespace. Private namespaces only resolve in a VPC with
     * `enableDnsSupport` and `enableDnsHostnames` both on; `DiscoveryNetwork` creates such a
     * VPC, an existing one must have both set (awsx VPCs leave DNS hostnames off by default).
     */
    readonly vpcId: pulumi.Input<string>;
    /**
     * The VPC's `enableDnsHostnames`, when you have it (e.g. `vpc.vpc.enableDnsHostnames` of an
     * awsx VPC): a known `false` is refused, since the namespace would not resolve.
     * Default: not checked.
     */
    readonly enableDnsHostnames?: pulumi.Input<boolean>;
    /** The VPC's `enableDnsSupport`, when you have it; a known `false` is refused. Default: not checked. */
    readonly enableDnsSupport?: pulumi.Input<boolean>;
    /** The namespace's description (at most 1,024 characters). Default: "Service discovery for <name>". */
    readonly description?: string;
    /** Tags of the namespace. Default: none. */
    readonly tags?: Record<string, pulumi.Input<string>>;
}

/**
 * A Cloud Map private DNS namespace: a Route 53 private hosted zone in which Cloud Map
 * services publish records that only the VPC can resolve.
 */
export class PrivateDnsNamespace extends pulumi.ComponentResource {
    /** The domain, e.g. `quickship.local`. */
    readonly name: string;
    /** Namespace id (`ns-…`). */
    readonly namespaceId: pulumi.Output<string>;
    readonly namespaceArn: pulumi.Output<string>;
    /** The Route 53 hosted zone Cloud Map created. */
    readonly hostedZoneId: pulumi.Output<string>;
    /** Always `"private-dns"`. */
    readonly kind: NamespaceKind;

    constructor(name: string, args: PrivateDnsNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("PrivateDnsNamespace"), name, {}, opts);
        throwOnFindings("PrivateDnsNamespace", name, [
            ...checkNamespaceName(args.name, "name"),
            ...(typeof args.vpcId === "string" ? checkVpcId(args.vpcId, "vpcId") : []),
            ...checkDescription(args.description, "cloudmap-namespace"),
            ...checkComponentTags(args.tags, ["cloudmap"]),
        ]);
        const vpcId = vpcIdWithDnsChecked("PrivateDnsNamespace", name, args);

        this.name = args.name.replace(/\.$/, "");
        this.kind = NamespaceKind.PrivateDns;
        const namespace = new aws.servicediscovery.PrivateDnsNamespace(name, {
            name: this.name,
            vpc: vpcId,
            description: args.description ?? `Service discovery for ${this.name}`,
            // A copy: the SDK cannot serialize an object without a prototype, which plain JavaScript can pass.
            tags: args.tags === undefined ? undefined : { ...args.tags },
        }, { parent: this });
        this.namespaceId = namespace.id;
        this.namespaceArn = namespace.arn;
        this.hostedZoneId = namespace.hostedZone;
        this.registerOutputs({ namespaceId: this.namespaceId, namespaceArn: this.namespaceArn, hostedZoneId: this.hostedZoneId });
    }
}

import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "./iamStatements";
import { DnsRecordType, NamespaceKind } from "./rules/enums";

/**
 * Plain-data references: how one component names something built elsewhere — by another
 * component of this package, by another team's program, in another stack, or by hand. They
 * hold only values (strings, numbers, Inputs), never component instances, so that
 * - a component instance can be passed where a reference is expected (its public fields have
 *   the same names), while a reference can also be written out from stack outputs or config;
 * - Pulumi's schema inference can describe them to Python, Go, C# and YAML programs.
 */

/** A Cloud Map namespace. A `PrivateDnsNamespace` or `HttpNamespace` is one. */
export interface NamespaceRef {
    /** The namespace's domain (DNS namespaces) or HTTP name, e.g. `quickship.local`. */
    readonly name: string;
    /** The namespace id (`ns-…`). */
    readonly namespaceId: pulumi.Input<string>;
    /**
     * The namespace ARN: Service Connect names the namespace by it, and discovery grants are scoped to it.
     * Default: none (Service Connect then names the namespace by name; grants cover it as `…:namespace/*`, narrowed by the namespace name condition).
     */
    readonly namespaceArn?: pulumi.Input<string>;
    /** The namespace's kind. Default: "private-dns". */
    readonly kind?: NamespaceKind;
}

/** A Cloud Map service. A `DiscoverableService` is one. */
export interface CloudMapServiceRef {
    /** The service name, e.g. `inventory-manager`. */
    readonly name: string;
    /** The name of the namespace it lives in, e.g. `quickship.local`. */
    readonly namespaceName: string;
    /** The service ARN. */
    readonly serviceArn: pulumi.Input<string>;
    /** The service id (`srv-…`). Default: the last part of serviceArn. */
    readonly serviceId?: pulumi.Input<string>;
    /**
     * The namespace ARN, which discovery grants are scoped to.
     * Default: none (grants cover it as `…:namespace/*` in the service's account and Region, narrowed by the namespace name condition).
     */
    readonly namespaceArn?: pulumi.Input<string>;
    /** The namespace's kind. Default: "private-dns". */
    readonly namespaceKind?: NamespaceKind;
    /** True for a service found only with DiscoverInstances (no DNS records). Default: false. */
    readonly apiOnly?: boolean;
    /** Its DNS record types; ignored when `apiOnly`. Default: ["SRV"]. */
    readonly dnsRecordTypes?: DnsRecordType[];
    /** True when a Route 53 health check decides instance health. Default: false. */
    readonly route53HealthCheck?: boolean;
}

/** How callers that use ECS Service Connect reach a service: its client alias in a namespace. */
export interface ServiceConnectEndpoint {
    /** The namespace whose Service Connect tasks can resolve it, e.g. `quickship.local`. */
    readonly namespaceName: string;
    /** The client alias name, e.g. `inventory-manager`. */
    readonly dnsName: string;
    /** The client alias port. */
    readonly port: number;
}

/**
 * A running service that can call, or be called by, another: a `DiscoverableFargateService`,
 * or anything else with a security group, a port, a Cloud Map service and a task role (an
 * awsx or raw ECS service, a service in another stack). See `peerFromEcsService` and
 * `peerFromAwsxFargateService`.
 */
export interface ServicePeer {
    /** The security group of the service's tasks. */
    readonly securityGroupId: pulumi.Input<string>;
    /** The port its callers reach it on. Needed for a callee. */
    readonly port?: number;
    /** The Cloud Map service its tasks register in for DNS. A callee needs this or `serviceConnect`. */
    readonly discovery?: CloudMapServiceRef;
    /** Its Service Connect endpoint, for a callee that serves through Service Connect. */
    readonly serviceConnect?: ServiceConnectEndpoint;
    /** The namespace its tasks use Service Connect in, for a caller that reaches Service Connect endpoints. */
    readonly serviceConnectNamespace?: string;
    /** The role its tasks run as, by ARN. A caller needs this or `taskRoleName`. */
    readonly taskRoleArn?: pulumi.Input<string>;
    /** The role its tasks run as, by name. A caller needs this or `taskRoleArn`. */
    readonly taskRoleName?: pulumi.Input<string>;
}

/** A resource registered in Cloud Map that services may read. A `RegisteredResource` is one. */
export interface ReadableResource {
    /** The API-only Cloud Map service it is registered in. */
    readonly service: CloudMapServiceRef;
    /** Statements granted to every service that reads it. Default: []. */
    readonly readAccess?: PolicyStatement[];
}

/** An existing ECS cluster. */
export interface ClusterRef {
    /** The cluster ARN. */
    readonly arn: pulumi.Input<string>;
}

/** A network to deploy into: a `DiscoveryNetwork`, an awsx VPC (see `networkFromAwsxVpc`), or ids. */
export interface ExistingNetwork {
    /** Must have `enableDnsSupport` and `enableDnsHostnames` on, or a private namespace will not resolve. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets (with a route out through NAT, or VPC endpoints for ECR, S3 and CloudWatch Logs). */
    readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * What the subnets' way out depends on, if created in the same program: resources (NAT routes,
     * an awsx VPC's `routes`) or ids they produced. Typed `any`: schema inference has no
     * "resource or id" type. Default: [].
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly internetConnectivity?: pulumi.Input<any[]>;
    /** The VPC's `enableDnsHostnames`, when known; a known `false` is refused. Default: not checked. */
    readonly enableDnsHostnames?: pulumi.Input<boolean>;
    /** The VPC's `enableDnsSupport`, when known; a known `false` is refused. Default: not checked. */
    readonly enableDnsSupport?: pulumi.Input<boolean>;
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CloudMapServiceRef, ExistingNetwork, ServicePeer } from "./refs";
import { ValidationError } from "./rules";
import { cloudMapServiceRefOf } from "./serviceRefs";

/**
 * Adapters from services and networks built without these components to the plain shapes the
 * components take. They only read what the resources expose; nothing is created.
 */

export interface PeerArgs {
    /** The Cloud Map service its tasks register in (see `DiscoverableService.serviceRegistryFor`). */
    readonly discovery: CloudMapServiceRef;
    /** The port its callers reach it on. */
    readonly port: number;
    /** The security group of its tasks. Default: the one security group of the service's network configuration. */
    readonly securityGroupId?: pulumi.Input<string>;
}

/**
 * A raw `aws.ecs.Service` as a peer. Its task role is not on the service, so pass `taskRoleArn`
 * (the task definition's) for a peer that calls others.
 */
export function peerFromEcsService(service: aws.ecs.Service, args: PeerArgs & { readonly taskRoleArn?: pulumi.Input<string> }): ServicePeer {
    return {
        securityGroupId: args.securityGroupId ?? onlySecurityGroupOf(service.networkConfiguration, "peerFromEcsService"),
        port: args.port,
        discovery: cloudMapServiceRefOf(args.discovery),
        ...(args.taskRoleArn === undefined ? {} : { taskRoleArn: args.taskRoleArn }),
    };
}

/** The parts of an `@pulumi/awsx` `ecs.FargateService` a peer needs (structural, so awsx stays optional). */
export interface AwsxFargateServiceLike {
    readonly service: pulumi.Input<aws.ecs.Service>;
    readonly taskDefinition: pulumi.Input<aws.ecs.TaskDefinition | undefined>;
}

/**
 * An `@pulumi/awsx` `ecs.FargateService` as a peer: its security group from the service's network
 * configuration (give it `networkConfiguration.securityGroups` yourself — without it awsx uses the
 * default VPC and an open group), its task role from its task definition.
 */
export function peerFromAwsxFargateService(service: AwsxFargateServiceLike, args: PeerArgs): ServicePeer {
    // The awsx outputs are resources; pulumi.output() would type them as plain unwrapped objects.
    const ecsService = pulumi.output(service.service) as unknown as pulumi.Output<aws.ecs.Service>;
    const taskDefinition = pulumi.output(service.taskDefinition) as unknown as pulumi.Output<aws.ecs.TaskDefinition | undefined>;
    return {
        securityGroupId: args.securityGroupId ?? onlySecurityGroupOf(ecsService.apply((s) => s?.networkConfiguration), "peerFromAwsxFargateService"),
        port: args.port,
        discovery: cloudMapServiceRefOf(args.discovery),
        // Empty when the task definition has none; an edge that needs it as a caller says so then.
        taskRoleArn: taskDefinition.apply((definition) => pulumi.output(definition?.taskRoleArn)).apply((arn) => arn ?? ""),
    };
}

/** The parts of an `@pulumi/awsx` `ec2.Vpc` a network needs (structural, so awsx stays optional). */
export interface AwsxVpcLike {
    readonly vpcId: pulumi.Input<string>;
    readonly privateSubnetIds: pulumi.Input<string[]>;
    readonly routes: pulumi.Input<aws.ec2.Route[]>;
    readonly vpc: pulumi.Input<aws.ec2.Vpc>;
}

/**
 * An `@pulumi/awsx` `ec2.Vpc` as the network of a topology or service: its private subnets, its
 * routes as what tasks wait for, and its DNS attributes — awsx leaves DNS hostnames off unless the
 * VPC is created with `enableDnsHostnames: true`, and a private namespace does not resolve then,
 * so the components refuse such a VPC once its attributes are known.
 */
export function networkFromAwsxVpc(vpc: AwsxVpcLike): ExistingNetwork {
    const awsVpc = pulumi.output(vpc.vpc) as unknown as pulumi.Output<aws.ec2.Vpc>;
    return {
        vpcId: vpc.vpcId,
        privateSubnetIds: vpc.privateSubnetIds,
        internetConnectivity: vpc.routes,
        enableDnsHostnames: dnsAttributeOf(awsVpc, "enableDnsHostnames", false),
        enableDnsSupport: dnsAttributeOf(awsVpc, "enableDnsSupport", true),
    };
}

/**
 * A DNS attribute of the VPC behind an awsx VPC, an unset attribute reading as AWS's default. No VPC
 * (an awsx VPC whose outputs nothing computed, as under test mocks) gives no attribute, so nothing
 * is checked rather than a VPC being refused for a value nobody set.
 */
function dnsAttributeOf(vpc: pulumi.Output<aws.ec2.Vpc>, attribute: "enableDnsHostnames" | "enableDnsSupport", awsDefault: boolean): pulumi.Output<boolean> {
    const value = vpc.apply((v): pulumi.Output<boolean | undefined> => (v === undefined || v === null
        ? pulumi.output(undefined)
        : pulumi.output(v[attribute] as pulumi.Input<boolean | undefined>).apply((on) => on ?? awsDefault)));
    // Undefined at run time means "not known": the namespace's check (vpcDns.ts) skips it.
    return value as pulumi.Output<boolean>;
}

/** The security group of a service's tasks; a service with several must name the one to use. */
function onlySecurityGroupOf(networkConfiguration: pulumi.Input<{ securityGroups?: string[] } | undefined>, adapter: string): pulumi.Output<string> {
    return pulumi.output(networkConfiguration).apply((config) => {
        const groups = config?.securityGroups ?? [];
        if (groups.length !== 1) {
            throw new ValidationError(adapter, "securityGroupId", [{
                rule: "service-peer-security-group",
                path: "securityGroupId",
                message: `The service's network configuration has ${groups.length} security groups, so which one its tasks are admitted by is ambiguous.`,
                fix: "Pass securityGroupId explicitly.",
            }]);
        }
        return groups[0];
    });
}

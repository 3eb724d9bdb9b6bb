import { RecordedResource } from "../resourceGraph";

/**
 * Typical seconds from "create" to "created" for the resource types a Cloud Map / ECS
 * stack uses, as the Pulumi AWS provider experiences them. They feed the deploy
 * critical-path estimate, which is a planning figure, not a promise: AWS publishes no
 * creation SLAs, so each number is the usual duration with the reason it takes that long.
 */
export const CREATION_SECONDS: Readonly<Record<string, { readonly seconds: number; readonly why: string }>> = {
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": {
        seconds: 50,
        why: "asynchronous operation (GetOperation until SUCCESS) that creates a private Route 53 hosted zone and associates the VPC; typically 40-60 s",
    },
    "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace": {
        seconds: 50,
        why: "asynchronous operation that creates a public Route 53 hosted zone; typically 40-60 s",
    },
    "aws:servicediscovery/httpNamespace:HttpNamespace": {
        seconds: 10,
        why: "asynchronous operation, but no hosted zone to create",
    },
    "aws:servicediscovery/service:Service": { seconds: 2, why: "one synchronous CreateService call" },
    "aws:servicediscovery/instance:Instance": { seconds: 5, why: "RegisterInstance is an asynchronous operation; completes in seconds" },
    "aws:ecs/cluster:Cluster": { seconds: 10, why: "CreateCluster, then the provider waits for ACTIVE" },
    "aws:ecs/taskDefinition:TaskDefinition": { seconds: 2, why: "one synchronous RegisterTaskDefinition call" },
    "aws:ecs/service:Service": {
        seconds: 15,
        why: "CreateService until ACTIVE; the provider does not wait for tasks unless waitForSteadyState is set",
    },
    "aws:iam/role:Role": { seconds: 5, why: "CreateRole plus the provider's wait for IAM's eventual consistency" },
    "aws:iam/rolePolicy:RolePolicy": { seconds: 3, why: "PutRolePolicy plus propagation" },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { seconds: 3, why: "AttachRolePolicy plus propagation" },
    "aws:iam/policy:Policy": { seconds: 3, why: "one synchronous CreatePolicy call" },
    "aws:cloudwatch/logGroup:LogGroup": { seconds: 2, why: "one synchronous CreateLogGroup call" },
    "aws:dynamodb/table:Table": {
        seconds: 20,
        why: "CreateTable until ACTIVE (on-demand tables take ~10-30 s), then point-in-time recovery is enabled",
    },
    "aws:ec2/vpc:Vpc": { seconds: 5, why: "CreateVpc until available, then DNS attributes are set" },
    "aws:ec2/subnet:Subnet": { seconds: 5, why: "CreateSubnet until available" },
    "aws:ec2/securityGroup:SecurityGroup": { seconds: 5, why: "CreateSecurityGroup, then default egress is revoked" },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { seconds: 2, why: "one synchronous API call" },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { seconds: 2, why: "one synchronous API call" },
    "aws:ec2/internetGateway:InternetGateway": { seconds: 5, why: "CreateInternetGateway and attach" },
    "aws:ec2/eip:Eip": { seconds: 3, why: "AllocateAddress" },
    "aws:ec2/natGateway:NatGateway": {
        seconds: 90,
        why: "the provider waits for the gateway to leave 'pending' for 'available'; typically 1-2 minutes",
    },
    "aws:ec2/routeTable:RouteTable": { seconds: 3, why: "CreateRouteTable" },
    "aws:ec2/route:Route": { seconds: 3, why: "CreateRoute, then the provider waits to read it back" },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": { seconds: 2, why: "one synchronous API call" },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { seconds: 90, why: "interface endpoints wait for 'available'; typically 1-2 minutes" },
};

/**
 * An ECS service with `waitForSteadyState` waits for its tasks to run and pass health checks:
 * Fargate places them, they pull their image and start, and the waiter polls every 15 s;
 * typically 60-120 s.
 */
export const ECS_STEADY_STATE_SECONDS = 90;

/** For resource types not in the table: one control-plane call and a read-back. */
export const DEFAULT_CREATION_SECONDS = 5;

/** Seconds the engine spends creating `resource`; components and providers cost nothing. */
export function creationSecondsOf(resource: RecordedResource): number {
    if (!resource.custom || resource.type.startsWith("pulumi:providers:")) {
        return 0;
    }
    if (resource.type === "aws:ecs/service:Service" && resource.inputs.waitForSteadyState === true) {
        return ECS_STEADY_STATE_SECONDS;
    }
    return CREATION_SECONDS[resource.type]?.seconds ?? DEFAULT_CREATION_SECONDS;
}

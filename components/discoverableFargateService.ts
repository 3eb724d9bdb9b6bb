import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CallerEnvironment } from "./callerEnvironment";
import { containerDefinitions } from "./containerDefinition";
import { DiscoverableFargateServiceArgs } from "./fargateServiceArgs";
import { checkFargateServiceArgs, checkServiceConnectNameUnique, fargateServiceSettings, FargateServiceSettings } from "./fargateServiceChecks";
import { discoverInstancesStatement, policyDocument } from "./iamStatements";
import { registerPeer } from "./peerRegistry";
import { CloudMapServiceRef, ReadableResource, ServiceConnectEndpoint, ServicePeer } from "./refs";
import { checkRequiredArguments } from "./requiredArguments";
import { throwOnFindings } from "./rules";
import { connect } from "./serviceEdge";
import { cloudMapServiceRefOf, fqdnOf, recordTypesOfRef } from "./serviceRefs";
import { serviceConnectConfiguration } from "./serviceConnectConfiguration";
import { createTaskRoles, TaskRoles } from "./taskRoles";
import { typeToken } from "./typeToken";


/**
 * An ECS Fargate service found by its callers through Cloud Map: its tasks register themselves
 * for DNS (`serviceRegistries`), or serve through ECS Service Connect, or both; with its own log
 * group, roles and security group. It is a `ServicePeer`: pass it in another service's `talksTo`,
 * or to `connect`.
 */
export class DiscoverableFargateService extends pulumi.ComponentResource implements ServicePeer {
    /** The Cloud Map service its tasks register in for DNS; undefined with Service Connect only. */
    readonly discovery: CloudMapServiceRef | undefined;
    /** Its Service Connect endpoint; undefined without Service Connect or as a client only. */
    readonly serviceConnect: ServiceConnectEndpoint | undefined;
    /** The namespace it uses Service Connect in; undefined without Service Connect. */
    readonly serviceConnectNamespace: string | undefined;
    /** The container port published in discovery, on which callers are admitted. */
    readonly port: number;
    readonly containerName: string;
    /** Variables added to the container so it can find its dependencies. */
    readonly discoveryEnvironment: pulumi.Output<Record<string, string>>;
    readonly clusterArn: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;
    readonly taskRoleName: pulumi.Output<string>;
    readonly executionRoleArn: pulumi.Output<string>;
    readonly taskDefinitionArn: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    readonly serviceArn: pulumi.Output<string>;

    constructor(name: string, args: DiscoverableFargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("DiscoverableFargateService"), name, {}, opts);
        throwOnFindings("DiscoverableFargateService", name, checkRequiredArguments(args, { container: "the container to run: { image, port }" }, ["talksTo", "reads"]));
        const settings = fargateServiceSettings(name, args);
        throwOnFindings("DiscoverableFargateService", name, checkFargateServiceArgs(name, args, settings));
        throwOnFindings("DiscoverableFargateService", name, checkServiceConnectNameUnique(name, args));
        // Other languages may send null for "none".
        this.discovery = args.discovery === undefined || args.discovery === null ? undefined : cloudMapServiceRefOf(args.discovery);
        const sc = settings.serviceConnect;
        this.serviceConnectNamespace = sc?.namespaceName;
        this.serviceConnect = sc?.server === true ? { namespaceName: sc.namespaceName, dnsName: sc.dnsName, port: sc.aliasPort } : undefined;
        this.port = settings.discoveryPort;
        this.containerName = settings.containerName;
        const label = `${settings.serviceName}.${settings.namespaceName}`;
        const tags = { ...args.tags, "cloudmap-discovery:service": label };

        const environment = new CallerEnvironment("DiscoverableFargateService", name,
            [...Object.keys(args.container.environment ?? {}), ...(args.container.secrets ?? []).map((s) => s.name)]);
        this.discoveryEnvironment = environment.variables;
        registerPeer(this, { name, component: this, environment });

        const cluster = this.createClusterUnlessGiven(name, args, tags);
        const roles = createTaskRoles(name, {
            label,
            secrets: args.container.secrets ?? [],
            enableExecuteCommand: settings.enableExecuteCommand,
            taskRoleStatements: args.taskRoleStatements ?? [],
            taskRoleManagedPolicyArns: args.taskRoleManagedPolicyArns ?? [],
            tags,
        }, this);
        const securityGroup = this.createSecurityGroup(name, args.vpcId, label, tags);
        this.securityGroupId = securityGroup.id;
        this.taskRoleArn = roles.taskRole.arn;
        this.taskRoleName = roles.taskRole.name;
        this.executionRoleArn = roles.executionRole.arn;

        const taskDefinition = this.createTaskDefinition(name, args, settings, roles, environment, tags);
        const service = new aws.ecs.Service(name, {
            cluster: cluster.arn,
            taskDefinition: taskDefinition.resource.arn,
            desiredCount: settings.desiredCount,
            launchType: args.capacityProviderStrategy === undefined ? "FARGATE" : undefined,
            capacityProviderStrategies: args.capacityProviderStrategy,
            platformVersion: args.platformVersion,
            enableExecuteCommand: args.enableExecuteCommand,
            networkConfiguration: { subnets: args.subnetIds, securityGroups: [securityGroup.id], assignPublicIp: false },
            serviceRegistries: this.discovery === undefined ? undefined : { registryArn: this.discovery.serviceArn, ...settings.registry },
            serviceConnectConfiguration: args.serviceConnect === undefined ? undefined
                : serviceConnectConfiguration(args.serviceConnect, settings, { logGroupName: taskDefinition.logGroupName, region: taskDefinition.region }),
            deploymentCircuitBreaker: args.deploymentCircuitBreaker ?? { enable: true, rollback: true },
            propagateTags: "SERVICE",
            tags,
        }, {
            parent: this,
            dependsOn: waitFor(args.internetConnectivity, cluster.capacityProviders),
            // A replacement is created before the old service is deleted, and Service Connect names are
            // unique in the namespace: the new service would collide with the old one. Delete first.
            deleteBeforeReplace: args.serviceConnect === undefined ? undefined : true,
        });

        this.declareCalls(args.talksTo ?? []);
        this.grantReads(name, args.reads ?? [], roles, environment);

        this.clusterArn = pulumi.output(cluster.arn);
        this.taskDefinitionArn = taskDefinition.resource.arn;
        this.serviceName = service.name;
        this.serviceArn = service.arn;
        this.registerOutputs({
            clusterArn: this.clusterArn, securityGroupId: this.securityGroupId, taskRoleArn: this.taskRoleArn,
            executionRoleArn: this.executionRoleArn, taskDefinitionArn: this.taskDefinitionArn, serviceArn: this.serviceArn,
        });
    }

    /** The given cluster, or a new one; with a capacity provider strategy, a new cluster gets FARGATE and FARGATE_SPOT associated. */
    private createClusterUnlessGiven(name: string, args: DiscoverableFargateServiceArgs, tags: Record<string, string>): { arn: pulumi.Input<string>; capacityProviders: pulumi.Resource[] } {
        if (args.cluster !== undefined) {
            return { arn: args.cluster.arn, capacityProviders: [] };
        }
        const cluster = new aws.ecs.Cluster(`${name}-cluster`, { settings: [{ name: "containerInsights", value: "enabled" }], tags }, { parent: this });
        const capacityProviders = args.capacityProviderStrategy === undefined ? [] : [new aws.ecs.ClusterCapacityProviders(`${name}-cluster`, {
            clusterName: cluster.name,
            capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        }, { parent: this })];
        return { arn: cluster.arn, capacityProviders };
    }

    /** A security group that admits nobody until a caller is connected, and lets the tasks out on HTTPS (image pulls, logs, AWS APIs). */
    private createSecurityGroup(name: string, vpcId: pulumi.Input<string>, label: string, tags: Record<string, string>): aws.ec2.SecurityGroup {
        const securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, {
            vpcId,
            description: `${label} tasks; ingress only from declared callers`,
            tags,
        }, { parent: this });
        new aws.vpc.SecurityGroupEgressRule(`${name}-https-out`, {
            securityGroupId: securityGroup.id,
            description: "HTTPS to AWS APIs and registries",
            ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0",
        }, { parent: this });
        return securityGroup;
    }

    private createTaskDefinition(name: string, args: DiscoverableFargateServiceArgs, settings: FargateServiceSettings, roles: TaskRoles,
        environment: CallerEnvironment, tags: Record<string, string>): { resource: aws.ecs.TaskDefinition; logGroupName: pulumi.Output<string>; region: pulumi.Output<string> } {
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: settings.logGroupName,
            retentionInDays: args.logRetentionDays ?? 14,
            tags,
        }, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const sc = settings.serviceConnect;
        const resource = new aws.ecs.TaskDefinition(`${name}-task`, {
            family: settings.family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(settings.cpu),
            memory: String(settings.memory),
            executionRoleArn: roles.executionRole.arn,
            taskRoleArn: roles.taskRole.arn,
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: settings.cpuArchitecture },
            containerDefinitions: containerDefinitions({
                name: settings.containerName,
                container: args.container,
                ports: settings.ports,
                discoveryVariables: environment.variables,
                logGroupName: logGroup.name,
                region,
                logStreamPrefix: settings.serviceName,
                // Service Connect serves a named port; a client only serves none.
                namedPort: sc?.server !== true ? undefined : { containerPort: settings.discoveryPort, name: sc.portName, appProtocol: args.serviceConnect?.appProtocol },
            }),
            tags,
        }, { parent: this });
        return { resource, logGroupName: logGroup.name, region };
    }

    /** One edge per callee, declared by `connect` like any other call. */
    private declareCalls(talksTo: readonly ServicePeer[]): void {
        for (const callee of talksTo) {
            connect(this, callee);
        }
    }

    /** For each registered resource it reads: DiscoverInstances on its service, its read statements, its variables. */
    private grantReads(name: string, reads: readonly ReadableResource[], roles: TaskRoles, environment: CallerEnvironment): void {
        for (const resource of reads) {
            environment.add({ serviceName: resource.service.name, namespaceName: resource.service.namespaceName, dnsRecordTypes: recordTypesOfRef(resource.service) },
                `reads (${fqdnOf(resource.service)})`);
            new aws.iam.RolePolicy(`${name}-reads-${resource.service.name}`, {
                role: roles.taskRole.name,
                policy: policyDocument([
                    discoverInstancesStatement({
                        namespaceName: resource.service.namespaceName,
                        serviceName: resource.service.name,
                        namespaceArn: resource.service.namespaceArn,
                        serviceArn: resource.service.serviceArn,
                    }),
                    ...(resource.readAccess ?? []),
                ]),
            }, { parent: this });
        }
    }
}

/**
 * The resources the ECS service must wait for: the subnets' way out, given as resources or as the
 * ids they produced (an Output of ids carries the resources it came from, and the engine waits
 * for those too), and the cluster's capacity providers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function waitFor(connectivity: pulumi.Input<any[]> | undefined, capacityProviders: readonly pulumi.Resource[]): pulumi.Input<pulumi.Resource[]> {
    if (connectivity === undefined) {
        return [...capacityProviders];
    }
    return pulumi.output(connectivity).apply((items) => [
        ...(Array.isArray(items) ? items : [items]).filter((item) => pulumi.Resource.isInstance(item)),
        ...capacityProviders,
    ]);
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DiscoverableService } from "./discoverableService";
import { checkDiscoveryEnvironment, discoveryEnvironment, DiscoveryTarget } from "./discoveryEnvironment";
import { discoverInstancesStatement, ecsTasksTrustPolicy, policyDocument, PolicyStatement } from "./iamStatements";
import { RegisteredResource } from "./registeredResource";
import { checkContainerName, checkContainerPortMapped, checkFargateTaskSize, checkNoPublicIp, checkPort, checkServiceRegistries, Finding, throwOnFindings } from "./rules";
import { typeToken } from "./typeToken";

export interface ContainerArgs {
    /** Image to run, e.g. `public.ecr.aws/nginx/nginx:1.27`. */
    readonly image: pulumi.Input<string>;
    /** The port the container serves on (mapped in the task definition). */
    readonly port: number;
    /** Further ports the container maps. @default [] */
    readonly additionalPorts?: readonly number[];
    /** @default the Cloud Map service name, with characters a container name cannot hold replaced by "-" */
    readonly name?: string;
    /** Extra environment; discovery variables are added for every dependency. @default {} */
    readonly environment?: Readonly<Record<string, pulumi.Input<string>>>;
    /** @default the image's command */
    readonly command?: readonly string[];
}

/** An existing ECS cluster. */
export interface ClusterRef {
    readonly arn: pulumi.Input<string>;
}

export interface DiscoverableFargateServiceArgs {
    /** The Cloud Map service the tasks register in (a DNS service, not API-only). */
    readonly discovery: DiscoverableService;
    /** @default a new cluster named after the service */
    readonly cluster?: ClusterRef;
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets for the tasks. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Resources the tasks' outbound route depends on (NAT routes, VPC endpoints). The ECS
     * service waits for them, so no task tries to pull its image before it can.
     * @default []
     */
    readonly internetConnectivity?: readonly pulumi.Resource[];
    readonly container: ContainerArgs;
    /**
     * The container port ECS publishes in the SRV record. It must be mapped by the container.
     * @default container.port
     */
    readonly discoveryPort?: number;
    /** Fargate CPU units. @default 256 */
    readonly cpu?: number;
    /** Fargate memory in MiB; must suit `cpu`. @default 512 */
    readonly memory?: number;
    /** @default 2 (one task can be replaced while the other answers) */
    readonly desiredCount?: number;
    /** Discovered services stay inside the VPC, so a public IP is refused. @default false */
    readonly assignPublicIp?: boolean;
    /**
     * Services this one calls: each callee's security group admits this service on the
     * callee's port only, this task role may DiscoverInstances on the callee, and the
     * container gets the callee's names (`<NAME>_SRV_NAME`, ...).
     * @default []
     */
    readonly talksTo?: readonly DiscoverableFargateService[];
    /** Registered resources this service reads: discovery plus their `readAccess` grants. @default [] */
    readonly reads?: readonly RegisteredResource[];
    /** @default 14 */
    readonly logRetentionDays?: number;
    /** @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An ECS Fargate service whose tasks register themselves in Cloud Map through
 * `serviceRegistries`, with its own log group, roles and security group.
 */
export class DiscoverableFargateService extends pulumi.ComponentResource {
    /** The Pulumi name this component was created with; its callers name their rules after it. */
    readonly logicalName: string;
    readonly discovery: DiscoverableService;
    /** The container port published in discovery. */
    readonly port: number;
    readonly containerName: string;
    /** Variables added to the container so it can find its dependencies. */
    readonly discoveryEnvironment: Readonly<Record<string, string>>;
    readonly clusterArn: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;
    readonly executionRoleArn: pulumi.Output<string>;
    readonly taskDefinitionArn: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    readonly serviceArn: pulumi.Output<string>;
    readonly service: aws.ecs.Service;
    readonly securityGroup: aws.ec2.SecurityGroup;

    constructor(name: string, args: DiscoverableFargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("DiscoverableFargateService"), name, {}, opts);
        const discovery = args.discovery;
        const containerName = args.container.name ?? discovery.name.replace(/[^A-Za-z0-9_-]/g, "-");
        const ports = [args.container.port, ...(args.container.additionalPorts ?? [])];
        const discoveryPort = args.discoveryPort ?? args.container.port;
        const talksTo = args.talksTo ?? [];
        const reads = args.reads ?? [];
        // SRV records carry the port, so ECS must know which one; A records carry none.
        const registry = discovery.dnsRecordTypes.includes("SRV")
            ? { containerName, containerPort: discoveryPort }
            : {};
        const containers = [{ name: containerName, portMappings: ports.map((containerPort) => ({ containerPort })) }];
        const targets: DiscoveryTarget[] = [
            ...talksTo.map((callee) => ({ serviceName: callee.discovery.name, namespaceName: callee.discovery.namespaceName, dnsRecordTypes: callee.discovery.dnsRecordTypes, port: callee.port })),
            ...reads.map((resource) => ({ serviceName: resource.service.name, namespaceName: resource.service.namespaceName, dnsRecordTypes: resource.service.dnsRecordTypes })),
        ];
        throwOnFindings("DiscoverableFargateService", name, [
            ...checkDiscoveryTarget(discovery),
            ...checkContainerName(containerName),
            ...ports.flatMap((p, i) => checkPort(p, i === 0 ? "container.port" : `container.additionalPorts[${i - 1}]`)),
            ...checkFargateTaskSize(args.cpu ?? 256, args.memory ?? 512),
            ...checkNoPublicIp(args.assignPublicIp, "assignPublicIp"),
            // Callers are admitted on discoveryPort even without SRV, so it must be served whatever the records.
            ...[...checkServiceRegistries([registry], { networkMode: "awsvpc", recordTypes: discovery.dnsRecordTypes, containers }),
                ...(registry.containerPort === undefined ? checkContainerPortMapped(containers, containerName, discoveryPort, "") : [])]
                .map((f) => ({ ...f, path: "discoveryPort" })),
            ...(talksTo.some((callee) => callee.discovery === discovery)
                ? [{ rule: "ecs-talks-to-self", path: "talksTo", message: "A service cannot declare that it talks to itself.", fix: "Remove it from talksTo." }]
                : []),
            ...checkDiscoveryEnvironment(targets, Object.keys(args.container.environment ?? {})),
            ...checkCount(args.desiredCount),
        ]);

        this.logicalName = name;
        this.discovery = discovery;
        this.port = discoveryPort;
        this.containerName = containerName;
        this.discoveryEnvironment = discoveryEnvironment(targets);
        const tags = { ...args.tags, "cloudmap-discovery:service": discovery.fqdn };

        const clusterArn = args.cluster?.arn ?? new aws.ecs.Cluster(`${name}-cluster`, {
            settings: [{ name: "containerInsights", value: "enabled" }],
            tags,
        }, { parent: this }).arn;
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            // The stack is part of the name: log group names are unique per account and region.
            name: `/ecs/${pulumi.getStack()}/${discovery.namespaceName}/${discovery.name}`,
            retentionInDays: args.logRetentionDays ?? 14,
            tags,
        }, { parent: this });

        const executionRole = new aws.iam.Role(`${name}-execution`, {
            description: `Lets ECS pull the image and write logs for ${discovery.fqdn}`,
            assumeRolePolicy: ecsTasksTrustPolicy(),
            tags,
        }, { parent: this });
        new aws.iam.RolePolicyAttachment(`${name}-execution`, {
            role: executionRole.name,
            policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy,
        }, { parent: this });
        const taskRole = new aws.iam.Role(`${name}-task`, {
            description: `Identity of ${discovery.fqdn} tasks`,
            assumeRolePolicy: ecsTasksTrustPolicy(),
            tags,
        }, { parent: this });
        const statements: PolicyStatement[] = [
            ...targets.map((t) => discoverInstancesStatement(t.namespaceName, t.serviceName)),
            ...reads.flatMap((resource) => resource.readAccess),
        ];
        if (statements.length > 0) {
            new aws.iam.RolePolicy(`${name}-task`, { role: taskRole.name, policy: policyDocument(statements) }, { parent: this });
        }

        this.securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: `${discovery.fqdn} tasks; ingress only from declared callers`,
            tags,
        }, { parent: this });
        // Egress: HTTPS for image pulls, logs and AWS APIs (via NAT or endpoints), plus each callee's port.
        new aws.vpc.SecurityGroupEgressRule(`${name}-https-out`, {
            securityGroupId: this.securityGroup.id,
            description: "HTTPS to AWS APIs and registries",
            ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0",
        }, { parent: this });
        for (const callee of talksTo) {
            new aws.vpc.SecurityGroupEgressRule(`${name}-to-${callee.logicalName}`, {
                securityGroupId: this.securityGroup.id,
                description: `To ${callee.discovery.fqdn}`,
                ipProtocol: "tcp", fromPort: callee.port, toPort: callee.port,
                referencedSecurityGroupId: callee.securityGroupId,
            }, { parent: this });
            new aws.vpc.SecurityGroupIngressRule(`${name}-into-${callee.logicalName}`, {
                securityGroupId: callee.securityGroupId,
                description: `From ${discovery.fqdn}`,
                ipProtocol: "tcp", fromPort: callee.port, toPort: callee.port,
                referencedSecurityGroupId: this.securityGroup.id,
            }, { parent: this });
        }

        const region = aws.getRegionOutput({}, { parent: this }).region;
        const environment = { ...args.container.environment, ...this.discoveryEnvironment };
        const taskDefinition = new aws.ecs.TaskDefinition(`${name}-task`, {
            family: `${pulumi.getStack()}-${name}`,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(args.cpu ?? 256),
            memory: String(args.memory ?? 512),
            executionRoleArn: executionRole.arn,
            taskRoleArn: taskRole.arn,
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
            containerDefinitions: pulumi.jsonStringify([{
                name: containerName,
                image: args.container.image,
                essential: true,
                command: args.container.command,
                portMappings: ports.map((containerPort) => ({ containerPort, protocol: "tcp" })),
                environment: Object.keys(environment).sort().map((key) => ({ name: key, value: environment[key] })),
                logConfiguration: {
                    logDriver: "awslogs",
                    options: { "awslogs-group": logGroup.name, "awslogs-region": region, "awslogs-stream-prefix": discovery.name },
                },
            }]),
            tags,
        }, { parent: this });

        this.service = new aws.ecs.Service(name, {
            cluster: clusterArn,
            taskDefinition: taskDefinition.arn,
            desiredCount: args.desiredCount ?? 2,
            launchType: "FARGATE",
            networkConfiguration: {
                subnets: args.subnetIds,
                securityGroups: [this.securityGroup.id],
                assignPublicIp: false,
            },
            serviceRegistries: { registryArn: discovery.arn, ...registry },
            deploymentCircuitBreaker: { enable: true, rollback: true },
            propagateTags: "SERVICE",
            tags,
        }, { parent: this, dependsOn: [...(args.internetConnectivity ?? [])] });

        this.clusterArn = pulumi.output(clusterArn);
        this.securityGroupId = this.securityGroup.id;
        this.taskRoleArn = taskRole.arn;
        this.executionRoleArn = executionRole.arn;
        this.taskDefinitionArn = taskDefinition.arn;
        this.serviceName = this.service.name;
        this.serviceArn = this.service.arn;
        this.registerOutputs({
            clusterArn: this.clusterArn, securityGroupId: this.securityGroupId, taskRoleArn: this.taskRoleArn,
            executionRoleArn: this.executionRoleArn, taskDefinitionArn: this.taskDefinitionArn, serviceArn: this.serviceArn,
        });
    }
}

function checkDiscoveryTarget(discovery: DiscoverableService): Finding[] {
    if (discovery.namespaceKind === "public-dns") {
        return [{
            rule: "ecs-registry-private-namespace",
            path: "discovery",
            message: `"${discovery.fqdn}" is in a public DNS namespace, which would publish the tasks' private addresses on the internet.`,
            fix: "Register the tasks in a DiscoverableService of a private DNS namespace.",
        }];
    }
    if (discovery.apiOnly) {
        return [{
            rule: "ecs-registry-dns-service",
            path: "discovery",
            message: `"${discovery.name}" is API-only; ECS registers task IP addresses, which belong in a DNS service.`,
            fix: "Pass a DiscoverableService with SRV or A records.",
        }];
    }
    if (discovery.dnsRecordTypes.includes("CNAME")) {
        return [{
            rule: "ecs-registry-dns-service",
            path: "discovery",
            message: `"${discovery.name}" uses CNAME records; ECS registers IP addresses and cannot fill a CNAME.`,
            fix: "Use SRV (default) or A records.",
        }];
    }
    return [];
}

function checkCount(desiredCount: number | undefined): Finding[] {
    if (desiredCount !== undefined && (!Number.isInteger(desiredCount) || desiredCount < 0)) {
        return [{ rule: "ecs-desired-count", path: "desiredCount", message: `${desiredCount} is not a task count.`, fix: "Use a whole number, 0 or more." }];
    }
    return [];
}

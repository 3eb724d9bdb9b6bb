import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The QuickShip stack written by hand against `@pulumi/aws`, without the components: the
 * same AWS resources, logical names, inputs and options as `quickshipProgram()` with its
 * default configuration, and the same stack outputs. It is the baseline of the component
 * overhead benchmark; `bench/lib/graphEquivalence.ts` proves the two graphs match, so any
 * difference in run time is what the components cost.
 *
 * It does what a careful author writing this by hand would do, no more: one region lookup
 * (the components look it up once per service), no validation, no component resources.
 */
export function quickshipDirect(): Record<string, unknown> {
    const stack = pulumi.getStack();
    const namespaceName = "quickship.local";
    const region = aws.getRegionOutput({}).region;

    const network = directNetwork("quickship-network");
    const cluster = new aws.ecs.Cluster("quickship-cluster", {
        settings: [{ name: "containerInsights", value: "enabled" }],
    });
    const namespace = new aws.servicediscovery.PrivateDnsNamespace("quickship-namespace", {
        name: namespaceName,
        vpc: network.vpcId,
        description: "QuickShip service discovery",
    });

    // A Cloud Map service and the Fargate service registering in it, as the components pair them.
    const microservice = (serviceName: string, wiring: Pick<FargateServiceArgs, "environment" | "callee" | "taskPolicies">) => {
        const name = `quickship-${serviceName}`;
        const discovery = srvService(name, serviceName, namespace.id);
        return { ...fargateService(name, { serviceName, registryArn: discovery.arn, clusterArn: cluster.arn, network, region, stack, ...wiring }), discovery };
    };
    const inventory = microservice("inventory-manager", { environment: {} });

    const table = new aws.dynamodb.Table("quickship-user-auth", {
        name: "UserAuth",
        billingMode: "PAY_PER_REQUEST",
        hashKey: "userId",
        attributes: [{ name: "userId", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
        serverSideEncryption: { enabled: true },
    }, { retainOnDelete: true });
    const userAuthService = new aws.servicediscovery.Service("quickship-user-auth-db", {
        name: "user-auth-db",
        description: `user-auth-db in ${namespaceName}`,
        namespaceId: namespace.id,
        type: "HTTP",
        forceDestroy: true,
    });
    new aws.servicediscovery.Instance("quickship-user-auth-db", {
        serviceId: userAuthService.id,
        instanceId: "user-auth-table",
        attributes: { tablename: "UserAuth", environment: "prod" },
    });

    const order = microservice("order-processor", {
        environment: {
            INVENTORY_MANAGER_PORT: "80",
            INVENTORY_MANAGER_SRV_NAME: `inventory-manager.${namespaceName}`,
            USER_AUTH_DB_NAMESPACE: namespaceName,
            USER_AUTH_DB_SERVICE: "user-auth-db",
        },
        callee: { name: "inventory-manager", resourceName: "quickship-inventory-manager", securityGroupId: inventory.securityGroup.id, serviceArn: inventory.discovery.arn, namespaceArn: namespace.arn },
        taskPolicies: {
            "quickship-order-processor-reads-user-auth-db": pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    discoverStatement("DiscoverUserAuthDb", "user-auth-db", [namespace.arn, userAuthService.arn]),
                    {
                        Sid: "ReadUserAuthDb",
                        Effect: "Allow",
                        Action: ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"],
                        Resource: [table.arn, pulumi.interpolate`${table.arn}/index/*`],
                    },
                ],
            }),
        },
    });

    return {
        vpcId: network.vpcId,
        clusterArn: cluster.arn,
        namespaceId: namespace.id,
        namespaceName,
        inventoryManagerAddress: `inventory-manager.${namespaceName}`,
        inventoryManagerServiceArn: inventory.service.arn,
        orderProcessorServiceArn: order.service.arn,
        orderProcessorTaskRoleArn: order.taskRole.arn,
        userAuthDbService: "user-auth-db",
        userAuthDbServiceArn: userAuthService.arn,
        userAuthTableArn: table.arn,
        discoverUserAuthDb: `aws servicediscovery discover-instances --namespace-name ${namespaceName} --service-name user-auth-db`,
    };
}

interface DirectNetwork {
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string>[];
    /** The private subnets' NAT route associations: tasks cannot pull images before they exist. */
    readonly routeAssociations: aws.ec2.RouteTableAssociation[];
}

function directNetwork(name: string): DirectNetwork {
    const tags = (role: string) => ({ Name: `${name}-${role}` });
    const zones = aws.getAvailabilityZonesOutput({ state: "available" });
    const vpc = new aws.ec2.Vpc(name, { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, tags: tags("vpc") });
    const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tags("igw") });
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, {
        vpcId: vpc.id,
        routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }],
        tags: tags("public"),
    });
    const publicSubnets: aws.ec2.Subnet[] = [];
    const privateSubnets: aws.ec2.Subnet[] = [];
    for (let i = 0; i < 2; i++) {
        const zone = zones.names.apply((names) => names[i % names.length]);
        const pub = new aws.ec2.Subnet(`${name}-public-${i}`, {
            vpcId: vpc.id,
            cidrBlock: `10.0.${i * 16}.0/20`,
            availabilityZone: zone,
            mapPublicIpOnLaunch: false,
            tags: tags(`public-${i}`),
        });
        new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: pub.id, routeTableId: publicRoutes.id });
        publicSubnets.push(pub);
        privateSubnets.push(new aws.ec2.Subnet(`${name}-private-${i}`, {
            vpcId: vpc.id,
            cidrBlock: `10.0.${128 + i * 16}.0/20`,
            availabilityZone: zone,
            tags: tags(`private-${i}`),
        }));
    }
    const eip = new aws.ec2.Eip(`${name}-nat`, { domain: "vpc", tags: tags("nat") });
    const nat = new aws.ec2.NatGateway(`${name}-nat`, { subnetId: publicSubnets[0].id, allocationId: eip.id, tags: tags("nat") });
    const privateRoutes = new aws.ec2.RouteTable(`${name}-private`, {
        vpcId: vpc.id,
        routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
        tags: tags("private"),
    });
    const routeAssociations = privateSubnets.map((subnet, i) =>
        new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }));
    return { vpcId: vpc.id, privateSubnetIds: privateSubnets.map((s) => s.id), routeAssociations };
}

function srvService(name: string, serviceName: string, namespaceId: pulumi.Output<string>): aws.servicediscovery.Service {
    return new aws.servicediscovery.Service(name, {
        name: serviceName,
        description: `${serviceName} in quickship.local`,
        dnsConfig: { namespaceId, dnsRecords: [{ type: "SRV", ttl: 10 }], routingPolicy: "MULTIVALUE" },
        healthCheckCustomConfig: { failureThreshold: 1 },
        forceDestroy: true,
    });
}

// On the namespace and service ARNs (both required resource types of DiscoverInstances) and by their names.
function discoverStatement(sid: string, serviceName: string, arns: pulumi.Output<string>[]): Record<string, unknown> {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: ["servicediscovery:DiscoverInstances"],
        Resource: arns,
        Condition: { StringEquals: { "servicediscovery:NamespaceName": ["quickship.local"], "servicediscovery:ServiceName": [serviceName] } },
    };
}

interface FargateServiceArgs {
    readonly serviceName: string;
    readonly registryArn: pulumi.Output<string>;
    readonly clusterArn: pulumi.Output<string>;
    readonly network: DirectNetwork;
    readonly region: pulumi.Output<string>;
    readonly stack: string;
    /** Already sorted by name, as ECS shows them. */
    readonly environment: Record<string, string>;
    /** `name`: the callee's Cloud Map service; `resourceName`: the logical name its rules are named after. */
    readonly callee?: { readonly name: string; readonly resourceName: string; readonly securityGroupId: pulumi.Output<string>; readonly serviceArn: pulumi.Output<string>; readonly namespaceArn: pulumi.Output<string> };
    /** Inline policies of the task role, by resource name. */
    readonly taskPolicies?: Record<string, pulumi.Output<string>>;
}

function fargateService(name: string, args: FargateServiceArgs) {
    const fqdn = `${args.serviceName}.quickship.local`;
    const tags = { "cloudmap-discovery:service": fqdn };
    const trust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
        name: `/ecs/${args.stack}/quickship.local/${args.serviceName}`,
        retentionInDays: 14,
        tags,
    });
    const executionRole = new aws.iam.Role(`${name}-execution`, {
        description: `Lets ECS pull the image, write logs and read the secrets of ${fqdn}`,
        assumeRolePolicy: trust,
        tags,
    });
    new aws.iam.RolePolicyAttachment(`${name}-execution`, { role: executionRole.name, policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy });
    const taskRole = new aws.iam.Role(`${name}-task`, { description: `Identity of ${fqdn} tasks`, assumeRolePolicy: trust, tags });
    for (const [policyName, policy] of Object.entries(args.taskPolicies ?? {})) {
        new aws.iam.RolePolicy(policyName, { role: taskRole.name, policy });
    }
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, {
        vpcId: args.network.vpcId,
        description: `${fqdn} tasks; ingress only from declared callers`,
        tags,
    });
    new aws.vpc.SecurityGroupEgressRule(`${name}-https-out`, {
        securityGroupId: securityGroup.id,
        description: "HTTPS to AWS APIs and registries",
        ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0",
    });
    if (args.callee !== undefined) {
        // One edge: the two security group rules and the caller's grant to discover the callee.
        const calleeFqdn = `${args.callee.name}.quickship.local`;
        const edge = `${name}-to-${args.callee.resourceName}`;
        new aws.vpc.SecurityGroupEgressRule(`${edge}-egress`, {
            securityGroupId: securityGroup.id,
            description: `To ${calleeFqdn}`,
            ipProtocol: "tcp", fromPort: 80, toPort: 80,
            referencedSecurityGroupId: args.callee.securityGroupId,
        });
        new aws.vpc.SecurityGroupIngressRule(`${edge}-ingress`, {
            securityGroupId: args.callee.securityGroupId,
            description: `From ${fqdn}`,
            ipProtocol: "tcp", fromPort: 80, toPort: 80,
            referencedSecurityGroupId: securityGroup.id,
        });
        new aws.iam.RolePolicy(`${edge}-discover`, {
            role: taskRole.name,
            policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [discoverStatement("DiscoverInventoryManager", args.callee.name, [args.callee.namespaceArn, args.callee.serviceArn])] }),
        });
    }
    const taskDefinition = new aws.ecs.TaskDefinition(`${name}-task`, {
        family: `${args.stack}-${name}`,
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        cpu: "256",
        memory: "512",
        executionRoleArn: executionRole.arn,
        taskRoleArn: taskRole.arn,
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        containerDefinitions: pulumi.jsonStringify([{
            name: args.serviceName,
            image: "public.ecr.aws/docker/library/nginx:1.27-alpine",
            essential: true,
            portMappings: [{ containerPort: 80, protocol: "tcp" }],
            environment: Object.entries(args.environment).map(([key, value]) => ({ name: key, value })),
            logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": logGroup.name, "awslogs-region": args.region, "awslogs-stream-prefix": args.serviceName },
            },
        }]),
        tags,
    });
    const service = new aws.ecs.Service(name, {
        cluster: args.clusterArn,
        taskDefinition: taskDefinition.arn,
        desiredCount: 2,
        launchType: "FARGATE",
        networkConfiguration: { subnets: args.network.privateSubnetIds, securityGroups: [securityGroup.id], assignPublicIp: false },
        serviceRegistries: { registryArn: args.registryArn, containerName: args.serviceName, containerPort: 80 },
        deploymentCircuitBreaker: { enable: true, rollback: true },
        propagateTags: "SERVICE",
        tags,
    }, { dependsOn: args.network.routeAssociations });
    return { service, securityGroup, taskRole };
}

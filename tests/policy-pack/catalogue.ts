import * as aws from "@pulumi/aws";
import { dynamoDbReadStatement, policyDocument } from "../../components/iamStatements";
import { apiOnlyInstance, cloudMapService, discoverableFargate, ecsTasksRole, policyJson, privateNamespace, taskRoleWithPolicy } from "./fixtures";

/**
 * One stack per case and what the named policy must say about it: `violation` is a pattern
 * the policy's message must match, or `undefined` when the policy must stay silent.
 */
export interface PolicyCase {
    readonly policy: string;
    readonly title: string;
    readonly program: () => void;
    readonly violation?: RegExp;
}

/**
 * The stack policies and the other resources their rules need. Every other policy is a resource
 * policy: the engine runs those on each resource as it plans it, on its inputs, which are known
 * more often than the outputs a stack policy sees.
 */
export const STACK_POLICIES: Readonly<Record<string, string>> = {
    "aws-cloudmap-namespace-no-exposed-services": "the namespace of each Cloud Map service, and what registers in it",
    "aws-cloudmap-service-namespace-kind": "the namespace of each Cloud Map service",
    "aws-ecs-service-cloudmap-registry": "the ECS service's task definition and Cloud Map service",
    "aws-cloudmap-instance-non-ip-attributes": "the type of the instance's Cloud Map service",
    "aws-ec2-security-group-discoverable-no-public-ingress": "the discoverable ECS services using the group, and its rule resources",
    "aws-iam-role-policy-task-least-privilege": "the task definitions naming the role, and the policies attached to it",
    "aws-dynamodb-table-discoverable-protection": "the Cloud Map instances registering the table",
    "aws-ecs-service-service-connect": "the ECS service's task definition, and the namespaces of its Service Connect configuration and Cloud Map service",
    "aws-ecs-service-service-connect-fit": "the ECS service's task definition and Service Connect namespace",
};

interface ServiceConnectStackOptions {
    /** The namespace Service Connect uses. Default: an HTTP namespace. */
    readonly namespace?: "http" | "private" | "public";
    /** The container's port mappings. Default: port 8080 named "api". */
    readonly portMappings?: Record<string, unknown>[];
    /** The Service Connect services. Default: one serving "api" as http://api:80. */
    readonly services?: Record<string, unknown>[] | undefined;
    /** Also register the tasks for DNS, in the Service Connect namespace (private), under this name. */
    readonly dnsRegistryName?: string;
    readonly taskMemory?: string;
    readonly containerMemory?: number;
    readonly platformVersion?: string;
    readonly assignPublicIp?: boolean;
    /** Give the service a security group of this stack admitting port 8080 from this CIDR. */
    readonly ingressFrom?: string;
}

/** A Fargate ECS service with Service Connect turned on, each part overridable. */
function serviceConnectStack(options: ServiceConnectStackOptions = {}): () => void {
    return () => {
        const kind = options.dnsRegistryName !== undefined ? "private" : options.namespace ?? "http";
        const namespace = kind === "http" ? httpNamespace() : kind === "public" ? publicNamespace() : privateNamespace();
        const taskDefinition = new aws.ecs.TaskDefinition("task", {
            family: "api", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: options.taskMemory ?? "1024",
            containerDefinitions: JSON.stringify([{
                name: "app", image: "nginx", memory: options.containerMemory,
                portMappings: options.portMappings ?? [{ containerPort: 8080, name: "api" }],
            }]),
        });
        const registry = options.dnsRegistryName === undefined ? undefined : cloudMapService(namespace.id, {}, options.dnsRegistryName);
        const securityGroup = options.ingressFrom === undefined ? undefined : new aws.ec2.SecurityGroup("sg", {
            vpcId: "vpc-0123456789abcdef0", ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: [options.ingressFrom] }],
        });
        new aws.ecs.Service("ecs", {
            cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/quickship",
            taskDefinition: taskDefinition.arn, launchType: "FARGATE", desiredCount: 1, platformVersion: options.platformVersion,
            networkConfiguration: {
                subnets: ["subnet-0aaaaaaaaaaaaaaaa"], securityGroups: [securityGroup?.id ?? "sg-0aaaaaaaaaaaaaaaa"], assignPublicIp: options.assignPublicIp,
            },
            serviceRegistries: registry === undefined ? undefined : { registryArn: registry.arn, containerName: "app", containerPort: 8080 },
            serviceConnectConfiguration: {
                enabled: true,
                namespace: namespace.arn,
                // Raw shapes, malformed ones included, as a program without the types could send them.
                services: ("services" in options ? options.services : [{ portName: "api", discoveryName: "api", clientAlias: [{ port: 80, dnsName: "api" }] }]) as never,
            },
        });
    };
}

const publicNamespace = (): aws.servicediscovery.PublicDnsNamespace =>
    new aws.servicediscovery.PublicDnsNamespace("public-ns", { name: "api.example.com" });

const httpNamespace = (): aws.servicediscovery.HttpNamespace => new aws.servicediscovery.HttpNamespace("http-ns", { name: "quickship" });

const ROUTE53_HEALTH_CHECK = { type: "HTTP", resourcePath: "/health" };

/** A Cloud Map service in a public namespace (which takes Route 53 health checks) with these health check settings, as a raw resource. */
const route53HealthCheck = (healthCheckConfig: aws.types.input.servicediscovery.ServiceHealthCheckConfig) => () =>
    cloudMapService(publicNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig });

/** An ECS service on EC2 whose task definition uses `networkMode`. */
const onEc2 = (networkMode: string) => ({
    taskDefinition: { networkMode, requiresCompatibilities: ["EC2"] },
    ecsService: { launchType: "EC2", networkConfiguration: undefined },
});

/** `count` attributes of `length`-character values. */
const attributesOf = (count: number, length: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, "v".repeat(length)]));

export const CASES: readonly PolicyCase[] = [
    {
        policy: "aws-cloudmap-namespace-disallow-public",
        title: "a public DNS namespace",
        program: publicNamespace,
        violation: /Public DNS namespace "api\.example\.com" publishes internal service addresses/,
    },
    { policy: "aws-cloudmap-namespace-disallow-public", title: "a private DNS namespace", program: () => privateNamespace() },
    {
        policy: "aws-cloudmap-namespace-no-exposed-services",
        title: "an ECS service registered in a public namespace",
        program: () => {
            const service = cloudMapService(publicNamespace().id);
            new aws.ecs.Service("orders", { cluster: "quickship", serviceRegistries: { registryArn: service.arn } });
        },
        violation: /Cloud Map service "inventory-manager" is in public DNS namespace "api\.example\.com", so ECS service "orders" would be resolvable/,
    },
    {
        policy: "aws-cloudmap-namespace-no-exposed-services",
        title: "an instance registered in a public namespace",
        program: () => {
            const service = cloudMapService(publicNamespace().id);
            new aws.servicediscovery.Instance("web-1", { instanceId: "web-1", serviceId: service.id, attributes: { AWS_INSTANCE_IPV4: "10.0.0.1" } });
        },
        violation: /so instance "web-1" would be resolvable/,
    },
    { policy: "aws-cloudmap-namespace-no-exposed-services", title: "services in a private namespace", program: () => discoverableFargate() },
    {
        policy: "aws-cloudmap-service-max-ttl",
        title: "a 300 s TTL",
        program: () => cloudMapService(privateNamespace().id, { dnsConfig: { namespaceId: "ns-1", dnsRecords: [{ type: "SRV", ttl: 300 }] } }),
        violation: /dnsConfig\.dnsRecords\[0\]\.ttl: The SRV record's TTL is 300 s, above the 60 s ceiling/,
    },
    { policy: "aws-cloudmap-service-max-ttl", title: "a 10 s TTL", program: () => cloudMapService(privateNamespace().id) },
    {
        policy: "aws-cloudmap-service-dns-config",
        title: "a CNAME with MULTIVALUE routing",
        program: () => cloudMapService(privateNamespace().id, {
            healthCheckCustomConfig: undefined,
            dnsConfig: { namespaceId: "ns-1", routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "CNAME", ttl: 10 }] },
        }),
        violation: /A CNAME record requires WEIGHTED routing; MULTIVALUE is rejected/,
    },
    {
        policy: "aws-cloudmap-service-dns-config",
        title: "a CNAME mixed with an A record",
        program: () => cloudMapService(privateNamespace().id, {
            dnsConfig: { namespaceId: "ns-1", routingPolicy: "WEIGHTED", dnsRecords: [{ type: "CNAME", ttl: 10 }, { type: "A", ttl: 10 }] },
        }),
        violation: /A CNAME record cannot be combined with other records \(got A\+CNAME\)/,
    },
    {
        policy: "aws-cloudmap-service-dns-config",
        title: "DNS records on an API-only service",
        program: () => cloudMapService(httpNamespace().id, { type: "HTTP" }),
        violation: /dnsConfig: An API-only service cannot have DNS records/,
    },
    {
        policy: "aws-cloudmap-service-dns-config",
        title: "a CNAME alone with WEIGHTED routing",
        program: () => cloudMapService(privateNamespace().id, {
            healthCheckCustomConfig: undefined,
            dnsConfig: { namespaceId: "ns-1", routingPolicy: "WEIGHTED", dnsRecords: [{ type: "CNAME", ttl: 10 }] },
        }),
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "both health configs",
        program: () => cloudMapService(publicNamespace().id, { healthCheckConfig: ROUTE53_HEALTH_CHECK }),
        violation: /healthCheckConfig: A service has either a Route 53 health check or a custom health check, not both/,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a CNAME with a Route 53 health check in a public namespace",
        program: () => {
            const namespace = publicNamespace();
            cloudMapService(namespace.id, {
                healthCheckCustomConfig: undefined, healthCheckConfig: ROUTE53_HEALTH_CHECK,
                dnsConfig: { namespaceId: namespace.id, routingPolicy: "WEIGHTED", dnsRecords: [{ type: "CNAME", ttl: 10 }] },
            });
        },
        violation: /A CNAME service cannot have a Route 53 health check/,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a Route 53 health check in a public namespace",
        program: () => cloudMapService(publicNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig: ROUTE53_HEALTH_CHECK }),
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a Route 53 health check on an API-only service in an HTTP namespace",
        program: () => {
            const namespace = httpNamespace();
            cloudMapService(namespace.id, {
                namespaceId: namespace.id, type: "HTTP", dnsConfig: undefined, healthCheckCustomConfig: undefined, healthCheckConfig: ROUTE53_HEALTH_CHECK,
            });
        },
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a lower-case type (the issue's tcp with a path and a threshold of 20)",
        program: route53HealthCheck({ type: "tcp", resourcePath: "/x", failureThreshold: 20 }),
        violation: /^healthCheckConfig\.type: "tcp" is not a Route 53 health check type; AWS accepts exactly HTTP, HTTPS, TCP .* Types are case-sensitive: use "TCP"\./m,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a failure threshold of 20",
        program: route53HealthCheck({ type: "tcp", resourcePath: "/x", failureThreshold: 20 }),
        violation: /^healthCheckConfig\.failureThreshold: The failure threshold is 20, outside 1–10; AWS accepts whole numbers from 1 to 10/m,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a TCP check with a path",
        program: route53HealthCheck({ type: "TCP", resourcePath: "/x" }),
        violation: /^healthCheckConfig\.resourcePath: A TCP health check only opens a connection, so AWS refuses a request path with it/m,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a Route 53 health check without a type",
        program: route53HealthCheck({ resourcePath: "/health", failureThreshold: 1 }),
        violation: /^healthCheckConfig\.type: The Route 53 health check has no type; AWS requires one of HTTP, HTTPS, TCP/m,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a 256-character path",
        program: route53HealthCheck({ type: "HTTPS", resourcePath: `/${"x".repeat(255)}` }),
        violation: /^healthCheckConfig\.resourcePath: The health check path is 256 characters long; AWS accepts at most 255/m,
    },
    {
        policy: "aws-cloudmap-service-health-check",
        title: "a TCP check without a path, a 255-character HTTP path and thresholds of 1 and 10",
        program: () => {
            const namespace = publicNamespace();
            cloudMapService(namespace.id, { healthCheckCustomConfig: undefined, healthCheckConfig: { type: "TCP", failureThreshold: 10 } }, "status-tcp");
            cloudMapService(namespace.id, { healthCheckCustomConfig: undefined, healthCheckConfig: { type: "HTTP", resourcePath: `/${"x".repeat(254)}`, failureThreshold: 1 } }, "status-http");
        },
    },
    {
        policy: "aws-cloudmap-service-namespace-kind",
        title: "DNS records in an HTTP namespace",
        program: () => cloudMapService(httpNamespace().id),
        violation: /dnsConfig: A service in an HTTP namespace cannot have DNS records/,
    },
    {
        policy: "aws-cloudmap-service-namespace-kind",
        title: "a Route 53 health check in a private namespace",
        program: () => cloudMapService(privateNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig: ROUTE53_HEALTH_CHECK }),
        violation: /healthCheckConfig: Route 53 health checks cannot reach instances in a private DNS namespace, and AWS rejects them there/,
    },
    {
        policy: "aws-cloudmap-service-namespace-kind",
        title: "a Route 53 health check in a public namespace",
        program: () => cloudMapService(publicNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig: ROUTE53_HEALTH_CHECK }),
    },
    {
        policy: "aws-cloudmap-service-namespace-kind",
        title: "an API-only service in an HTTP namespace",
        program: () => {
            const namespace = httpNamespace();
            cloudMapService(namespace.id, { namespaceId: namespace.id, type: "HTTP", dnsConfig: undefined });
        },
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "an SRV registry without a port",
        program: () => discoverableFargate({ registry: { containerName: undefined, containerPort: undefined } }),
        violation: /The Cloud Map service has an SRV record but the registry gives no port/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "a registry naming a container the task definition lacks",
        program: () => discoverableFargate({ registry: { containerName: "web" } }),
        violation: /No container named "web" in the task definition \(containers: app\)/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "a port the container does not map",
        program: () => discoverableFargate({ registry: { containerPort: 9090 } }),
        violation: /Container "app" does not map port 9090 \(mapped: 8080\)/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "an A-only registry with a port",
        program: () => discoverableFargate({ service: { dnsConfig: { namespaceId: "ns-1", dnsRecords: [{ type: "A", ttl: 10 }] } } }),
        violation: /has no SRV record, so a port in the registry has nowhere to go/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "port together with containerName and containerPort",
        program: () => discoverableFargate({ registry: { port: 8080 } }),
        violation: /With awsvpc networking and SRV records, the registry takes either a container and its port or a bare port, not both/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "bridge network mode without SRV",
        program: () => discoverableFargate({
            ...onEc2("bridge"),
            registry: { containerName: undefined, containerPort: undefined },
            service: { dnsConfig: { namespaceId: "ns-1", dnsRecords: [{ type: "A", ttl: 10 }] } },
        }),
        violation: /With bridge network mode, ECS needs the container and its port/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "host network mode without the container pair",
        program: () => discoverableFargate({ ...onEc2("host"), registry: { containerName: undefined, containerPort: undefined } }),
        violation: /With host network mode, ECS needs the container and its port to register tasks/,
    },
    {
        policy: "aws-ecs-service-cloudmap-registry",
        title: "host network mode with A records only",
        program: () => discoverableFargate({ ...onEc2("host"), service: { dnsConfig: { namespaceId: "ns-1", dnsRecords: [{ type: "A", ttl: 10 }] } } }),
        violation: /Tasks in host network mode share the host's address, so only SRV records can tell them apart/,
    },
    { policy: "aws-ecs-service-cloudmap-registry", title: "host network mode with SRV and the container pair", program: () => discoverableFargate(onEc2("host")) },
    { policy: "aws-ecs-service-cloudmap-registry", title: "an SRV registry on a mapped port", program: () => discoverableFargate() },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "31 custom attributes",
        program: () => apiOnlyInstance(attributesOf(31, 1)),
        violation: /31 custom attributes; RegisterInstance accepts at most 30/,
    },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "a 256-character key",
        program: () => apiOnlyInstance({ tablename: "UserAuth", ["k".repeat(256)]: "v" }),
        violation: /Attribute key of 256 characters; keys are 1-255 printable ASCII characters/,
    },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "a 1025-character value",
        program: () => apiOnlyInstance({ tablename: "x".repeat(1025) }),
        violation: /The value is not 0-1024 printable ASCII characters \(got 1025 characters\)/,
    },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "5040 characters of attributes in all",
        program: () => apiOnlyInstance(attributesOf(5, 1004)),
        violation: /Keys and values add up to 5040 characters; RegisterInstance accepts at most 5000/,
    },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "custom attributes on an API-only service",
        program: () => apiOnlyInstance({ tablename: "UserAuth", environment: "prod" }),
    },
    {
        policy: "aws-cloudmap-instance-attributes",
        title: "an IP instance (AWS_INSTANCE_IPV4) in an HTTP-type service, which AWS accepts",
        program: () => apiOnlyInstance({ AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "8080" }),
    },
    {
        policy: "aws-cloudmap-instance-non-ip-attributes",
        title: "AWS_INSTANCE_IPV4 on an API-only service",
        program: () => apiOnlyInstance({ tablename: "UserAuth", AWS_INSTANCE_IPV4: "10.0.0.1" }),
        violation: /attributes\.AWS_INSTANCE_IPV4: AWS_INSTANCE_IPV4 describes an IP or alias instance/,
    },
    {
        policy: "aws-cloudmap-instance-non-ip-attributes",
        title: "no custom attribute on an API-only service",
        program: () => apiOnlyInstance({ AWS_INIT_HEALTH_STATUS: "HEALTHY" }),
        violation: /A non-IP instance is only useful through its custom attributes, and it has none/,
    },
    {
        policy: "aws-cloudmap-instance-non-ip-attributes",
        title: "custom attributes on an API-only service",
        program: () => apiOnlyInstance({ tablename: "UserAuth" }),
    },
    {
        policy: "aws-cloudmap-instance-non-ip-attributes",
        title: "an IP instance in a DNS service",
        program: () => {
            const service = cloudMapService(privateNamespace().id);
            new aws.servicediscovery.Instance("web-1", { instanceId: "web-1", serviceId: service.id, attributes: { AWS_INSTANCE_IPV4: "10.0.0.1" } });
        },
    },
    {
        policy: "aws-cloudmap-service-custom-health-threshold",
        title: "an empty healthCheckCustomConfig",
        program: () => cloudMapService(privateNamespace().id, { healthCheckCustomConfig: {} }),
        violation: /healthCheckCustomConfig.failureThreshold: The custom health check has no failure threshold, .* replaces the service/,
    },
    { policy: "aws-cloudmap-service-custom-health-threshold", title: "failureThreshold 1", program: () => cloudMapService(privateNamespace().id) },
    {
        policy: "aws-cloudmap-service-discovery-staleness",
        title: "a 60 s TTL with ECS health",
        program: () => cloudMapService(privateNamespace().id, { dnsConfig: { namespaceId: "ns-1", dnsRecords: [{ type: "SRV", ttl: 60 }] } }),
        // Custom health is already set: the only advice left is the TTL.
        violation: /stopped task for up to 90 s \(30 s custom health\/deregistration delay \+ 60 s TTL\), above the 60 s budget\. Fix: lower the TTL to 30 s or less\.$/,
    },
    {
        policy: "aws-cloudmap-service-discovery-staleness",
        title: "a Route 53 health check of 3 failures",
        program: () => cloudMapService(publicNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig: { ...ROUTE53_HEALTH_CHECK, failureThreshold: 3 } }),
        violation: /up to 100 s \(90 s route53 .*no TTL fits.*or lower healthCheckConfig\.failureThreshold, or replace healthCheckConfig with healthCheckCustomConfig \{ failureThreshold: 1 \}/,
    },
    {
        policy: "aws-cloudmap-service-discovery-staleness",
        title: "a Route 53 health check of 2 failures, whose delay is the whole budget",
        program: () => cloudMapService(publicNamespace().id, { healthCheckCustomConfig: undefined, healthCheckConfig: { ...ROUTE53_HEALTH_CHECK, failureThreshold: 2 } }),
        violation: /up to 70 s \(60 s route53 health\/deregistration delay \+ 10 s TTL\), above the 60 s budget\. Fix: set the TTL to 0 s, or lower healthCheckConfig\.failureThreshold/,
    },
    { policy: "aws-cloudmap-service-discovery-staleness", title: "a 10 s TTL with ECS health", program: () => cloudMapService(privateNamespace().id) },
    {
        policy: "aws-ecs-service-no-public-ip",
        title: "a discoverable Fargate service with a public IP",
        program: () => discoverableFargate({ assignPublicIp: true }),
        violation: /Tasks get a public IP although callers find them by name inside the VPC/,
    },
    { policy: "aws-ecs-service-no-public-ip", title: "a discoverable Fargate service in private subnets", program: () => discoverableFargate() },
    {
        policy: "aws-ecs-service-no-public-ip",
        title: "a Service Connect server (no serviceRegistries) with a public IP",
        program: serviceConnectStack({ assignPublicIp: true }),
        violation: /^networkConfiguration\.assignPublicIp: Tasks get a public IP/m,
    },
    // A client-only Service Connect service is not found by name: like a service without any registry, it is not checked.
    { policy: "aws-ecs-service-no-public-ip", title: "a client-only Service Connect service (no services) with a public IP", program: serviceConnectStack({ services: undefined, assignPublicIp: true }) },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "inline ingress from 0.0.0.0/0",
        program: () => discoverableFargate({ securityGroup: { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }] } }),
        violation: /Ingress on port 8080 is open to 0\.0\.0\.0\/0.*security group "sg" of discoverable ECS service "ecs"/,
    },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "the security group of a Service Connect server (no serviceRegistries) open to 0.0.0.0/0",
        program: serviceConnectStack({ ingressFrom: "0.0.0.0/0" }),
        violation: /Ingress on port 8080 is open to 0\.0\.0\.0\/0.*security group "sg" of discoverable ECS service "ecs"/,
    },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "the security group of a client-only Service Connect service (no services) open to 0.0.0.0/0",
        program: serviceConnectStack({ services: undefined, ingressFrom: "0.0.0.0/0" }),
    },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "a SecurityGroupIngressRule from ::/0",
        program: () => {
            const { securityGroup } = discoverableFargate();
            new aws.vpc.SecurityGroupIngressRule("open-v6", { securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv6: "::/0" });
        },
        violation: /Ingress on port 8080 is open to ::\/0/,
    },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "a SecurityGroupRule from 0.0.0.0/0",
        program: () => {
            const { securityGroup } = discoverableFargate();
            new aws.ec2.SecurityGroupRule("open-v4", {
                type: "ingress", securityGroupId: securityGroup.id, protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"],
            });
        },
        violation: /Ingress on port 0-65535 is open to 0\.0\.0\.0\/0/,
    },
    {
        policy: "aws-ec2-security-group-discoverable-no-public-ingress",
        title: "ingress from the caller's security group",
        program: () => {
            const { securityGroup } = discoverableFargate();
            new aws.vpc.SecurityGroupIngressRule("from-caller", {
                securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "sg-0caller",
            });
        },
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "servicediscovery:* in a task role",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "servicediscovery:*", Resource: "*" }),
        violation: /"servicediscovery:\*" grants every action of servicediscovery\. .*\(task role "task-role"\)/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "dynamodb:GetItem on * through an attached policy",
        program: () => {
            const role = taskRoleWithPolicy({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
            const policy = new aws.iam.Policy("table-access", {
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "*" }] }),
            });
            new aws.iam.RolePolicyAttachment("attach", { role: role.name, policyArn: policy.arn });
        },
        violation: /dynamodb:GetItem on "\*" although these actions can be scoped to resource ARNs/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "dynamodb:GetItem on every table (table/*)",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:*:*:table/*" }),
        violation: /dynamodb:GetItem on "arn:aws:dynamodb:\*:\*:table\/\*" \(every table\) although these actions can be scoped to resource ARNs/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "dynamodb:Get* in a task role",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "dynamodb:Get*", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth" }),
        violation: /"dynamodb:Get\*" matches every dynamodb action that fits the pattern/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "read access to one table and its indexes, as the components grant it",
        program: () => {
            const table = new aws.dynamodb.Table("user-auth", { hashKey: "id", attributes: [{ name: "id", type: "S" }] });
            const role = ecsTasksRole();
            new aws.iam.RolePolicy("task-policy", {
                role: role.name,
                policy: policyDocument([dynamoDbReadStatement("user-auth-db", table.arn)]),
            });
        },
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "dynamodb:* in a task role",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth" }),
        violation: /"dynamodb:\*" grants every action of dynamodb\./,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "Action \"*\" in a task role",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "*", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth" }),
        violation: /"\*" grants every action of every service\./,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "servicediscovery:* in the role's inlinePolicies",
        program: () => ecsTasksRole("task-role", { inlinePolicies: [{ name: "discovery", policy: policyJson({ Effect: "Allow", Action: "servicediscovery:*", Resource: "*" }) }] }),
        violation: /^inlinePolicies\[0\]\.policy\.Statement\[0\]\.Action: "servicediscovery:\*" grants every action of servicediscovery\..*\(task role "task-role"\)/m,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "AmazonDynamoDBFullAccess in the role's managedPolicyArns",
        program: () => ecsTasksRole("task-role", { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"] }),
        violation: /^managedPolicyArns\[0\]: AWS-managed policy AmazonDynamoDBFullAccess grants dynamodb:\* on every table/m,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "a customer-managed policy in the role's managedPolicyArns",
        program: () => {
            const policy = new aws.iam.Policy("table-access", { policy: policyJson({ Effect: "Allow", Action: ["dynamodb:Query"], Resource: "*" }) });
            ecsTasksRole("task-role", { managedPolicyArns: [policy.arn] });
        },
        violation: /dynamodb:Query on "\*" although these actions can be scoped to resource ARNs/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "AdministratorAccess attached with a RolePolicyAttachment",
        program: () => {
            const role = ecsTasksRole();
            new aws.iam.RolePolicyAttachment("admin", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        },
        violation: /^policyArn: AWS-managed policy AdministratorAccess grants every action on every resource\./m,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "AWSCloudMapFullAccess (GovCloud partition) attached with a PolicyAttachment naming the role",
        program: () => {
            ecsTasksRole("task-role", { name: "orders-task" });
            new aws.iam.PolicyAttachment("cloud-map", { roles: ["orders-task"], policyArn: "arn:aws-us-gov:iam::aws:policy/AWSCloudMapFullAccess" });
        },
        violation: /AWS-managed policy AWSCloudMapFullAccess grants servicediscovery:\* on every namespace and service/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "AmazonECSTaskExecutionRolePolicy on the execution role of a task definition",
        program: () => {
            const executionRole = ecsTasksRole("execution-role");
            new aws.iam.RolePolicyAttachment("execution", { role: executionRole.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" });
            discoverableFargate({ taskDefinition: { executionRoleArn: executionRole.arn } });
        },
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "AdministratorAccess on a role ECS tasks do not assume",
        program: () => {
            const role = new aws.iam.Role("ci-role", {
                assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            });
            new aws.iam.RolePolicyAttachment("admin", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        },
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "DiscoverInstances scoped by namespace and service",
        program: () => taskRoleWithPolicy({
            Effect: "Allow", Action: "servicediscovery:DiscoverInstances", Resource: "*",
            Condition: { StringEquals: { "servicediscovery:NamespaceName": "quickship.local", "servicediscovery:ServiceName": "inventory-manager" } },
        }),
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "X-Ray sampling actions, which have no resource-level permissions, on *",
        program: () => taskRoleWithPolicy({
            Effect: "Allow", Resource: "*",
            Action: ["xray:PutTraceSegments", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"],
        }),
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "an X-Ray group action, which takes a resource, on *",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: ["xray:GetSamplingRules", "xray:GetGroup"], Resource: "*" }),
        violation: /xray:GetGroup on "\*" although these actions can be scoped to resource ARNs/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "DiscoverInstances scoped to the namespace and service ARNs",
        program: () => {
            const namespace = privateNamespace();
            const service = cloudMapService(namespace.id);
            const role = ecsTasksRole();
            new aws.iam.RolePolicy("task-policy", {
                role: role.name,
                policy: policyDocument([{ Effect: "Allow", Action: ["servicediscovery:DiscoverInstances"], Resource: [namespace.arn, service.arn] }]),
            });
        },
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "DiscoverInstances on * without namespace/service conditions",
        program: () => taskRoleWithPolicy({ Effect: "Allow", Action: "servicediscovery:DiscoverInstances", Resource: "*" }),
        violation: /servicediscovery:DiscoverInstances on "\*" discovers every namespace and service\. \(task role "task-role"\) Fix: Name the namespace and service ARNs in Resource, or add a Condition/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "servicediscovery:* in a policy naming by name a task role created elsewhere",
        program: () => {
            new aws.iam.RolePolicy("shared-policy", { role: "shared-task-role", policy: policyJson({ Effect: "Allow", Action: "servicediscovery:*", Resource: "*" }) });
            discoverableFargate({ taskDefinition: { taskRoleArn: "arn:aws:iam::123456789012:role/shared-task-role" } });
        },
        violation: /"servicediscovery:\*" grants every action of servicediscovery\. .*\(task role "shared-task-role"\)/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "servicediscovery:* for a role of this stack whose ARN, with a path, a task definition names",
        program: () => {
            const role = new aws.iam.Role("team-role", {
                name: "x", path: "/team/",
                assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            });
            new aws.iam.RolePolicy("team-policy", { role: role.name, policy: policyJson({ Effect: "Allow", Action: "servicediscovery:*", Resource: "*" }) });
            discoverableFargate({ taskDefinition: { taskRoleArn: "arn:aws:iam::123456789012:role/team/x" } });
        },
        violation: /"servicediscovery:\*" grants every action of servicediscovery\. .*\(task role "team-role"\)/,
    },
    {
        policy: "aws-iam-role-policy-task-least-privilege",
        title: "servicediscovery:* for a role created elsewhere that only an executionRoleArn names",
        program: () => {
            new aws.iam.RolePolicy("agent-policy", { role: "shared-agent-role", policy: policyJson({ Effect: "Allow", Action: "servicediscovery:*", Resource: "*" }) });
            discoverableFargate({ taskDefinition: { executionRoleArn: "arn:aws:iam::123456789012:role/shared-agent-role" } });
        },
    },
    {
        policy: "aws-dynamodb-table-discoverable-protection",
        title: "a registered table without point-in-time recovery",
        program: () => {
            new aws.dynamodb.Table("user-auth", {
                name: "UserAuth", hashKey: "id", attributes: [{ name: "id", type: "S" }], deletionProtectionEnabled: true,
            });
            apiOnlyInstance({ tablename: "UserAuth" });
        },
        violation: /Point-in-time recovery is off.*registered in Cloud Map as instance "user-auth-table"/,
    },
    {
        policy: "aws-dynamodb-table-discoverable-protection",
        title: "a table registered through a property dependency, without deletion protection",
        program: () => {
            const table = new aws.dynamodb.Table("user-auth", {
                hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true },
            });
            apiOnlyInstance({ tablename: table.name });
        },
        violation: /Deletion protection is off/,
    },
    {
        policy: "aws-dynamodb-table-discoverable-protection",
        title: "a protected registered table",
        program: () => {
            new aws.dynamodb.Table("user-auth", {
                name: "UserAuth", hashKey: "id", attributes: [{ name: "id", type: "S" }],
                pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true,
            });
            apiOnlyInstance({ tablename: "UserAuth" });
        },
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a Service Connect server on a named port with one client alias",
        program: serviceConnectStack(),
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a client-only Service Connect service (no services)",
        program: serviceConnectStack({ services: undefined }),
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a port name no port mapping has",
        program: serviceConnectStack({ services: [{ portName: "web", clientAlias: [{ port: 80 }] }] }),
        violation: /services\[0\]\.portName: No port mapping of the task is named "web" \(named: "api"\)/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a server without a port name",
        program: serviceConnectStack({ services: [{ clientAlias: [{ port: 80 }] }] }),
        violation: /services\[0\]\.portName: No port name is given/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "two client aliases",
        program: serviceConnectStack({ services: [{ portName: "api", clientAlias: [{ port: 80, dnsName: "api" }, { port: 8080, dnsName: "api-alt" }] }] }),
        violation: /exactly one client alias .* this one has 2/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "no client alias",
        program: serviceConnectStack({ services: [{ portName: "api" }] }),
        violation: /exactly one client alias .* this one has 0/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "an application protocol in capitals",
        program: serviceConnectStack({ portMappings: [{ containerPort: 8080, name: "api", appProtocol: "HTTP" }] }),
        violation: /portMappings\[0\]\.appProtocol: "HTTP" is not an application protocol ECS knows/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a per-request timeout on a TCP port",
        program: serviceConnectStack({ services: [{ portName: "api", clientAlias: [{ port: 80 }], timeout: { perRequestTimeoutSeconds: 10 } }] }),
        violation: /perRequestTimeoutSeconds: A per-request timeout needs an HTTP-like application protocol/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "Fargate platform version 1.3.0",
        program: serviceConnectStack({ platformVersion: "1.3.0" }),
        violation: /platformVersion: Platform version 1\.3\.0 does not support Service Connect/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a discovery name that is the service's own DNS registration, in the same namespace",
        program: serviceConnectStack({ dnsRegistryName: "api" }),
        violation: /discoveryName: Service Connect would create a Cloud Map service "api" .* where the tasks already register for DNS under that name/,
    },
    {
        policy: "aws-ecs-service-service-connect",
        title: "a DNS registration beside Service Connect under another name",
        program: serviceConnectStack({ dnsRegistryName: "api-dns" }),
    },
    {
        policy: "aws-ecs-service-service-connect-fit",
        title: "Service Connect in a public DNS namespace",
        program: serviceConnectStack({ namespace: "public" }),
        violation: /Service Connect uses public DNS namespace "public-ns"/,
    },
    {
        policy: "aws-ecs-service-service-connect-fit",
        title: "a container leaving the proxy 32 MiB of a 512 MiB task",
        program: serviceConnectStack({ taskMemory: "512", containerMemory: 480 }),
        violation: /memory: The containers take 480 of the task's 512 MiB, leaving 32 MiB for the Service Connect proxy/,
    },
    {
        policy: "aws-ecs-service-service-connect-fit",
        title: "a container leaving the proxy 64 MiB in an HTTP namespace",
        program: serviceConnectStack({ taskMemory: "512", containerMemory: 448 }),
    },
];

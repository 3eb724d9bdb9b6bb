import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "./iamStatements";
import { CloudMapServiceRef, ClusterRef, NamespaceRef, ReadableResource, ServicePeer } from "./refs";
import { AppProtocol, CpuArchitecture, FargateCapacityProvider } from "./rules/enums";

/** A secret injected into the container's environment by ECS at start. */
export interface ContainerSecretArgs {
    /** The environment variable that receives it, e.g. `DB_PASSWORD`. */
    readonly name: string;
    /**
     * The ARN of a Secrets Manager secret (optionally with `:<json-key>:<version-stage>:<version-id>`)
     * or of an SSM parameter. The execution role may read exactly these ARNs.
     */
    readonly valueFrom: pulumi.Input<string>;
    /**
     * The customer managed KMS key that encrypts it; the execution role may `kms:Decrypt` with it.
     * Default: none (no `kms:Decrypt` grant; a secret under the AWS managed key needs none).
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
}

/** A container health check, run by ECS inside the container. */
export interface ContainerHealthCheckArgs {
    /** `["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]` or `["CMD", ...]`. */
    readonly command: string[];
    /** 5-300. Default: 30. */
    readonly intervalSeconds?: number;
    /** 2-60. Default: 5. */
    readonly timeoutSeconds?: number;
    /** 1-10. Default: 3. */
    readonly retries?: number;
    /** 0-300: failures during this grace period do not count. Default: none. */
    readonly startPeriodSeconds?: number;
}

export interface ContainerArgs {
    /** Image to run, e.g. `public.ecr.aws/nginx/nginx:1.27`. */
    readonly image: pulumi.Input<string>;
    /** The port the container serves on (mapped in the task definition). */
    readonly port: number;
    /** Further ports the container maps. Default: []. */
    readonly additionalPorts?: number[];
    /**
     * The container's name.
     * Default: the service's name (its Cloud Map service name, else its Service Connect name), with characters a container name cannot hold replaced by "-".
     */
    readonly name?: string;
    /** Extra environment; discovery variables are added for every dependency. Default: none. */
    readonly environment?: Record<string, pulumi.Input<string>>;
    /** Secrets from Secrets Manager or SSM Parameter Store, injected as environment variables. Default: []. */
    readonly secrets?: ContainerSecretArgs[];
    /** The command the container runs. Default: the image's command. */
    readonly command?: string[];
    /** A health check ECS runs in the container. Default: none (ECS ignores the image's HEALTHCHECK). */
    readonly healthCheck?: ContainerHealthCheckArgs;
    /**
     * A hard memory limit for the container, in MiB; with Service Connect it must leave the proxy
     * at least 64 MiB of the task's memory. Default: none (the container may use all of the task's memory).
     */
    readonly memoryMiB?: number;
}

/** TLS between Service Connect proxies, with certificates from AWS Private CA. */
export interface ServiceConnectTlsArgs {
    /** The AWS Private CA certificate authority that issues the certificates. */
    readonly certificateAuthorityArn: pulumi.Input<string>;
    /** The KMS key that encrypts the private key ECS keeps in Secrets Manager. Default: none (not sent to ECS). */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** The role ECS uses to issue certificates. Default: none (not sent to ECS). */
    readonly roleArn?: pulumi.Input<string>;
}

/**
 * ECS Service Connect for a service: an Envoy proxy in each task, names that only ECS tasks
 * using Service Connect in the same namespace resolve (no DNS records), retries and outlier
 * detection between services. One client alias is built from `clientAliasDnsName`/`clientAliasPort`.
 */
export interface ServiceConnectArgs {
    /** The Cloud Map namespace (HTTP or private DNS) whose tasks can reach each other; its ARN is used when known. */
    readonly namespace: NamespaceRef;
    /**
     * The service's name in the namespace: the Cloud Map service ECS creates for it (unique in the
     * namespace) and, unless `clientAliasDnsName` is given, the name callers use. Up to 64
     * lowercase letters, digits, `_` and `-`.
     */
    readonly name: string;
    /**
     * Publish an endpoint callers can reach; `false` makes the service a client only, which calls
     * others through Service Connect but cannot be called. Default: true.
     */
    readonly server?: boolean;
    /** The name callers use, e.g. `inventory-manager` (`http://inventory-manager:80`). Default: name. */
    readonly clientAliasDnsName?: string;
    /** The port callers use. Default: discoveryPort (the port Service Connect serves). */
    readonly clientAliasPort?: number;
    /** The name of the container's port mapping Service Connect serves. Default: name. */
    readonly portName?: string;
    /**
     * `http`, `http2` or `grpc` lets the proxy retry and time out per request; unset means TCP.
     * It cannot change later without deleting and recreating the ECS service. Default: TCP.
     */
    readonly appProtocol?: AppProtocol;
    /** Seconds a connection may stay idle; 0 turns it off. Default: 300 (HTTP-like) or 3600 (TCP), ECS's. */
    readonly idleTimeoutSeconds?: number;
    /** Seconds a request may take (HTTP-like protocols only); 0 turns it off. Default: ECS's (not documented by AWS; 15 s observed). */
    readonly perRequestTimeoutSeconds?: number;
    /** TLS between the proxies. Default: none (plain traffic inside the VPC). */
    readonly tls?: ServiceConnectTlsArgs;
    /** Ship the proxy's logs to the service's log group (stream prefix `service-connect`). Default: true. */
    readonly proxyLogs?: boolean;
}

/** One entry of a Fargate capacity provider strategy. */
export interface CapacityProviderStrategyItemArgs {
    /** `FARGATE` or `FARGATE_SPOT`. */
    readonly capacityProvider: FargateCapacityProvider;
    /** Relative share of the tasks beyond the bases, 0-1000. Default: 0. */
    readonly weight?: number;
    /** Tasks placed on this provider first, 0-100000; one provider at most. Default: 0. */
    readonly base?: number;
}

/** What ECS does when a deployment's tasks keep failing to start. */
export interface DeploymentCircuitBreakerArgs {
    /** Stop the deployment when tasks keep failing. */
    readonly enable: boolean;
    /** Roll back to the last working deployment when it stops. */
    readonly rollback: boolean;
}

export interface DiscoverableFargateServiceArgs {
    /**
     * The Cloud Map service the tasks register in for DNS: a `DiscoverableService` with DNS records
     * in a private DNS namespace (not API-only, not CNAME), or a reference to one. A service needs
     * this, `serviceConnect`, or both (then under different names).
     * Default: none (Service Connect only).
     */
    readonly discovery?: CloudMapServiceRef;
    /** ECS Service Connect, instead of or beside DNS discovery. Default: none (DNS only). */
    readonly serviceConnect?: ServiceConnectArgs;
    /**
     * The ECS cluster to run in.
     * Default: a new cluster named after the component, with Container Insights on (and FARGATE and FARGATE_SPOT associated when capacityProviderStrategy is given).
     */
    readonly cluster?: ClusterRef;
    /** The VPC of the subnets; the security group is created in it. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets for the tasks (at least one). */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * What the subnets' way out depends on — resources (NAT routes, VPC endpoints, an awsx VPC's
     * `routes`) or ids they produced. The ECS service waits for them, so no task pulls its image
     * before it can. (Typed `any`: schema inference has no "resource or id" type.)
     * Default: [].
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly internetConnectivity?: pulumi.Input<any[]>;
    /** The container the tasks run: its image and the port it serves on. */
    readonly container: ContainerArgs;
    /**
     * The container port ECS publishes in the SRV record, the port callers are admitted on and,
     * with Service Connect, the port it serves. It must be mapped by the container.
     * Default: container.port.
     */
    readonly discoveryPort?: number;
    /** Fargate CPU units. Default: 256; 512 with Service Connect (AWS recommends 256 more for its proxy). */
    readonly cpu?: number;
    /** Fargate memory in MiB; must suit `cpu`. Default: 512; 1024 with Service Connect. */
    readonly memory?: number;
    /** `X86_64` or `ARM64` (Graviton). Default: "X86_64". */
    readonly cpuArchitecture?: CpuArchitecture;
    /** Tasks to keep running. Default: 2 (one task can be replaced while the other answers). */
    readonly desiredCount?: number;
    /** Discovered services stay inside the VPC, so a public IP is refused. Default: false. */
    readonly assignPublicIp?: boolean;
    /**
     * Services this one calls: each callee's security group admits this service on the callee's
     * port only, this task role may DiscoverInstances on the callee, and the container gets the
     * callee's names (`<NAME>_SRV_NAME`, ...). For calls declared after both services exist
     * (services that call each other), use `connect(caller, callee)`.
     * Default: [].
     */
    readonly talksTo?: ServicePeer[];
    /** Registered resources this service reads: discovery plus their `readAccess` grants. Default: []. */
    readonly reads?: ReadableResource[];
    /**
     * ECS Exec (`aws ecs execute-command`): the service allows it and the task role gets the
     * four `ssmmessages` channel actions it needs (they take no resource ARN).
     * Default: false.
     */
    readonly enableExecuteCommand?: boolean;
    /** Further statements for the task role, e.g. access to a bucket. Default: []. */
    readonly taskRoleStatements?: PolicyStatement[];
    /** Managed policies attached to the task role. Default: []. */
    readonly taskRoleManagedPolicyArns?: pulumi.Input<string>[];
    /** Fargate platform version; ECS Exec and Service Connect need 1.4.0 or later. Default: "LATEST". */
    readonly platformVersion?: string;
    /**
     * FARGATE / FARGATE_SPOT split instead of the FARGATE launch type. A new cluster gets both
     * providers associated; an existing cluster must have them.
     * Default: none (launch type FARGATE).
     */
    readonly capacityProviderStrategy?: CapacityProviderStrategyItemArgs[];
    /** Stop and roll back deployments whose tasks keep failing. Default: { enable: true, rollback: true }. */
    readonly deploymentCircuitBreaker?: DeploymentCircuitBreakerArgs;
    /** Days CloudWatch Logs keeps the container's logs (one of the values CloudWatch Logs accepts). Default: 14. */
    readonly logRetentionDays?: number;
    /**
     * Tags of every child that takes tags (cluster, roles, security group, log group, task definition,
     * ECS service), which also get `cloudmap-discovery:service = <service>.<namespace>`.
     * Default: none.
     */
    readonly tags?: Record<string, string>;
}

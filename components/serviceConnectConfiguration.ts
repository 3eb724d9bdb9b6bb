import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FargateServiceSettings } from "./fargateServiceChecks";
import { ServiceConnectArgs } from "./fargateServiceArgs";

/**
 * The ECS service's `serviceConnectConfiguration`: the namespace (by ARN when known), and for a
 * server its one Service Connect service — the named port, the discovery name and exactly one
 * client alias, with timeouts and TLS when given; a client only gets `enabled` and the namespace.
 * The proxy logs to the service's own log group.
 */
export function serviceConnectConfiguration(
    args: ServiceConnectArgs,
    settings: FargateServiceSettings,
    logs: { readonly logGroupName: pulumi.Input<string>; readonly region: pulumi.Input<string> },
): aws.types.input.ecs.ServiceServiceConnectConfiguration {
    const sc = settings.serviceConnect!;
    const timeout = args.idleTimeoutSeconds === undefined && args.perRequestTimeoutSeconds === undefined
        ? undefined
        : { idleTimeoutSeconds: args.idleTimeoutSeconds, perRequestTimeoutSeconds: args.perRequestTimeoutSeconds };
    return {
        enabled: true,
        namespace: args.namespace.namespaceArn ?? args.namespace.name,
        services: sc.server ? [{
            portName: sc.portName,
            discoveryName: sc.name,
            clientAlias: [{ port: sc.aliasPort, dnsName: sc.dnsName }],
            timeout,
            tls: args.tls === undefined ? undefined : {
                issuerCertAuthority: { awsPcaAuthorityArn: args.tls.certificateAuthorityArn },
                kmsKey: args.tls.kmsKeyArn,
                roleArn: args.tls.roleArn,
            },
        }] : undefined,
        logConfiguration: args.proxyLogs === false ? undefined : {
            logDriver: "awslogs",
            options: { "awslogs-group": logs.logGroupName, "awslogs-region": logs.region, "awslogs-stream-prefix": "service-connect" },
        },
    };
}

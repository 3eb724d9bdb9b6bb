import * as pulumi from "@pulumi/pulumi";
import { ContainerArgs } from "./fargateServiceArgs";

export interface ContainerDefinitionArgs {
    readonly name: string;
    readonly container: ContainerArgs;
    /** Every port the container maps. */
    readonly ports: readonly number[];
    /** Discovery variables, known once the program has declared the container's calls. */
    readonly discoveryVariables: pulumi.Input<Record<string, string>>;
    readonly logGroupName: pulumi.Input<string>;
    readonly region: pulumi.Input<string>;
    readonly logStreamPrefix: string;
    /** With Service Connect: the name (and protocol) of the port mapping it serves. */
    readonly namedPort?: { readonly containerPort: number; readonly name: string; readonly appProtocol?: string };
}

/**
 * The task definition's `containerDefinitions` document for the one container: its own
 * environment and the discovery variables (sorted, so the document is stable), secrets by
 * reference, the health check and awslogs logging.
 */
export function containerDefinitions(args: ContainerDefinitionArgs): pulumi.Output<string> {
    const { container } = args;
    const environment = pulumi.output(args.discoveryVariables).apply((discovery) => {
        const all: Record<string, pulumi.Input<string>> = { ...container.environment, ...discovery };
        return Object.keys(all).sort().map((key) => ({ name: key, value: all[key] }));
    });
    const healthCheck = container.healthCheck === undefined ? undefined : {
        command: container.healthCheck.command,
        interval: container.healthCheck.intervalSeconds,
        timeout: container.healthCheck.timeoutSeconds,
        retries: container.healthCheck.retries,
        startPeriod: container.healthCheck.startPeriodSeconds,
    };
    return pulumi.jsonStringify([{
        name: args.name,
        image: container.image,
        essential: true,
        command: container.command,
        memory: container.memoryMiB,
        portMappings: args.ports.map((containerPort) => ({
            containerPort,
            protocol: "tcp",
            ...(args.namedPort?.containerPort === containerPort ? { name: args.namedPort.name, appProtocol: args.namedPort.appProtocol } : {}),
        })),
        environment,
        secrets: container.secrets?.map((secret) => ({ name: secret.name, valueFrom: secret.valueFrom })),
        healthCheck,
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": args.logGroupName, "awslogs-region": args.region, "awslogs-stream-prefix": args.logStreamPrefix },
        },
    }]);
}

import { discoveryEnvironment, DiscoveryTarget } from "../../components/discoveryEnvironment";
import { LocalService, Registry } from "./registry";

/**
 * The AWS SDKs' service-specific endpoint variable for Cloud Map: `AWS_ENDPOINT_URL_` and the
 * service id `ServiceDiscovery` upper-cased (AWS SDKs and Tools Reference Guide,
 * "Service-specific endpoints" and "Identifiers for service-specific endpoints"). Every
 * current SDK and the AWS CLI read it, so code reaches the local API unchanged.
 */
export const ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SERVICEDISCOVERY";

/**
 * DiscoverInstances carries the host prefix `data-` in the API model, so SDKs send it to
 * `data-<endpoint host>`, and `data-127.0.0.1` resolves nowhere. SDKs that implement the
 * "Host prefix injection" setting (AWS SDKs and Tools Reference Guide; e.g. botocore, so the
 * AWS CLI and boto3) skip the prefix when this is true. The JavaScript SDK v3 does not read
 * it: its clients need `disableHostPrefix: true` (see the README's "Develop locally").
 */
export const HOST_PREFIX_VARIABLE = "AWS_DISABLE_HOST_PREFIX_INJECTION";

/**
 * Where the local DNS server listens, `127.0.0.1:<port>`. In AWS the VPC resolver answers
 * namespace names, so code uses the system resolver; locally it points a resolver here when
 * this is set (Node.js: `new dns.promises.Resolver()` and `setServers([...])`).
 */
export const LOCAL_DNS_VARIABLE = "CLOUDMAP_LOCAL_DNS";

/**
 * The variables every local process needs to reach the local DNS and API. The region is the
 * plan's, under both names SDKs read: AWS_REGION (the SDKs) and AWS_DEFAULT_REGION (the AWS CLI
 * v1 and older botocore read only this one).
 */
export function sharedEnvironment(dnsAddress: string, apiUrl: string, region: string): Record<string, string> {
    return { [ENDPOINT_VARIABLE]: apiUrl, [HOST_PREFIX_VARIABLE]: "true", AWS_REGION: region, AWS_DEFAULT_REGION: region, [LOCAL_DNS_VARIABLE]: dnsAddress };
}

export interface ServiceEnvironments {
    /** The variables the components give a caller of this service (`<NAME>_SRV_NAME`, `<NAME>_PORT`, ...), with local ports. */
    readonly caller: Readonly<Record<string, string>>;
    /**
     * The environment a local process of this service needs: the variables the components give
     * its container in AWS (from the planned task definition), with local ports, plus the
     * shared ones. Undefined for services no ECS service runs.
     */
    readonly process?: Readonly<Record<string, string>>;
}

/**
 * Each service's environments. Names come from the components' own `discoveryEnvironment`;
 * only values that differ locally change: a `<NAME>_PORT` becomes the port the local
 * instances of that service registered with, when they all use one.
 */
export function serviceEnvironments(registry: Registry, shared: Readonly<Record<string, string>>): Map<LocalService, ServiceEnvironments> {
    const targets = registry.services.map((service) => {
        const planned = service.planned;
        const target = (port: number | undefined): DiscoveryTarget => ({
            serviceName: planned.name,
            namespaceName: planned.namespace,
            dnsRecordTypes: planned.records.map((r) => r.type),
            port,
        });
        const localPorts = new Set(registry.instances(service).map((i) => i.attributes.AWS_INSTANCE_PORT).filter((p) => p !== undefined));
        const localPort = localPorts.size === 1 ? Number([...localPorts][0]) : planned.process?.port;
        return { service, inAws: discoveryEnvironment([target(planned.process?.port)]), local: discoveryEnvironment([target(localPort)]) };
    });
    const localise = (environment: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(environment).map(([key, value]) => {
        const target = targets.find((t) => t.inAws[key] === value && t.local[key] !== undefined);
        return [key, target === undefined ? value : target.local[key]];
    }));
    return new Map(targets.map(({ service, local }) => {
        const container = service.planned.process?.environment;
        const process = service.planned.process === undefined ? undefined : { ...localise(container ?? {}), ...shared };
        return [service, { caller: local, process }];
    }));
}

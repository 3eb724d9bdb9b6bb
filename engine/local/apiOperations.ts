import { CloudMapError } from "./cloudMapError";
import { HealthStatusFilter, LocalInstance, LocalNamespace, LocalService, LOCAL_ACCOUNT_ID, Registry } from "./registry";

/**
 * The Cloud Map operations the local API serves, with the request and response shapes of the
 * Cloud Map API reference (https://docs.aws.amazon.com/cloud-map/latest/api/API_Operations.html).
 * Each takes the parsed JSON body and returns the JSON response, or throws CloudMapError.
 */
export type Operation = (registry: Registry, input: Input) => Record<string, unknown>;
type Input = Readonly<Record<string, unknown>>;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
    DiscoverInstances(registry, input) {
        const service = registry.serviceNamed(requiredString(input, "NamespaceName"), requiredString(input, "ServiceName"));
        const instances = registry.discover(service, {
            queryParameters: optionalStringMap(input, "QueryParameters"),
            optionalParameters: optionalStringMap(input, "OptionalParameters"),
            healthStatus: optionalEnum(input, "HealthStatus", ["HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL"]) as HealthStatusFilter | undefined,
            maxResults: optionalInteger(input, "MaxResults", 1, 1000),
        });
        return {
            Instances: instances.map((i) => ({
                InstanceId: i.id,
                NamespaceName: service.namespace.name,
                ServiceName: service.planned.name,
                HealthStatus: healthOf(registry, service, i),
                Attributes: i.attributes,
            })),
            InstancesRevision: registry.revision(service),
        };
    },

    DiscoverInstancesRevision(registry, input) {
        const service = registry.serviceNamed(requiredString(input, "NamespaceName"), requiredString(input, "ServiceName"));
        return { InstancesRevision: registry.revision(service) };
    },

    RegisterInstance(registry, input) {
        const service = registry.service(requiredString(input, "ServiceId"));
        const attributes = optionalStringMap(input, "Attributes");
        if (attributes === undefined) {
            throw new CloudMapError("InvalidInput", "Attributes is required: a map of the instance's attributes, e.g. {\"AWS_INSTANCE_IPV4\": \"127.0.0.1\", \"AWS_INSTANCE_PORT\": \"8080\"}.");
        }
        registry.register(service, requiredString(input, "InstanceId"), attributes, "RegisterInstance", optionalString(input, "CreatorRequestId"));
        return { OperationId: operationId() };
    },

    DeregisterInstance(registry, input) {
        registry.deregister(registry.service(requiredString(input, "ServiceId")), requiredString(input, "InstanceId"));
        return { OperationId: operationId() };
    },

    UpdateInstanceCustomHealthStatus(registry, input) {
        const service = registry.service(requiredString(input, "ServiceId"));
        const instanceId = requiredString(input, "InstanceId");
        const status = optionalEnum(input, "Status", ["HEALTHY", "UNHEALTHY"]);
        if (status === undefined) {
            throw new CloudMapError("InvalidInput", "Status is required: HEALTHY or UNHEALTHY.");
        }
        registry.instance(service, instanceId);
        if (service.planned.healthCheck !== "custom") {
            throw new CloudMapError("CustomHealthNotFound", `Service ${service.planned.name} has no custom health check (healthCheckCustomConfig), so its instances' health cannot be set.`);
        }
        registry.setHealth(service, instanceId, status as "HEALTHY" | "UNHEALTHY", "UpdateInstanceCustomHealthStatus");
        return {};
    },

    GetInstancesHealthStatus(registry, input) {
        const service = registry.service(requiredString(input, "ServiceId"));
        const wanted = optionalStringList(input, "Instances");
        const instances = wanted === undefined ? registry.instances(service) : wanted.map((id) => registry.instance(service, id));
        const page = paginate(instances, input, 100);
        return { Status: Object.fromEntries(page.items.map((i) => [i.id, healthOf(registry, service, i)])), NextToken: page.nextToken };
    },

    GetInstance(registry, input) {
        const service = registry.service(requiredString(input, "ServiceId"));
        const instance = registry.instance(service, requiredString(input, "InstanceId"));
        return { ResourceOwner: LOCAL_ACCOUNT_ID, Instance: { Id: instance.id, Attributes: instance.attributes, CreatorRequestId: instance.creatorRequestId, CreatedByAccount: LOCAL_ACCOUNT_ID } };
    },

    ListInstances(registry, input) {
        const service = registry.service(requiredString(input, "ServiceId"));
        const page = paginate(registry.instances(service), input, 100);
        return {
            ResourceOwner: LOCAL_ACCOUNT_ID,
            Instances: page.items.map((i) => ({ Id: i.id, Attributes: i.attributes, CreatedByAccount: LOCAL_ACCOUNT_ID })),
            NextToken: page.nextToken,
        };
    },

    ListNamespaces(registry, input) {
        const filters = filtersOf(input, ["TYPE", "NAME", "HTTP_NAME", "RESOURCE_OWNER"]);
        const matching = registry.namespaces.filter((ns) => filters.every((f) => {
            const value = f.name === "TYPE" ? ns.type : f.name === "RESOURCE_OWNER" ? "SELF" : ns.name;
            return f.condition === "BEGINS_WITH" ? value.startsWith(f.values[0]) : f.values.includes(value);
        }));
        const page = paginate(matching, input, 100);
        return { Namespaces: page.items.map((ns) => namespaceShape(registry, ns)), NextToken: page.nextToken };
    },

    ListServices(registry, input) {
        const filters = filtersOf(input, ["NAMESPACE_ID", "RESOURCE_OWNER"]);
        const matching = registry.services.filter((s) => filters.every((f) =>
            f.name === "RESOURCE_OWNER" ? f.values.includes("SELF") : f.values.some((v) => v === s.namespace.id || v === s.namespace.arn)));
        const page = paginate(matching, input, 100);
        return { Services: page.items.map((s) => serviceShape(registry, s)), NextToken: page.nextToken };
    },

    GetNamespace(registry, input) {
        return { Namespace: namespaceShape(registry, registry.namespace(requiredString(input, "Id"))) };
    },

    GetService(registry, input) {
        return { Service: serviceShape(registry, registry.service(requiredString(input, "Id"))) };
    },
};

function namespaceShape(registry: Registry, ns: LocalNamespace): Record<string, unknown> {
    return {
        Id: ns.id,
        Arn: ns.arn,
        ResourceOwner: LOCAL_ACCOUNT_ID,
        Name: ns.name,
        Type: ns.type,
        Description: ns.description,
        ServiceCount: registry.services.filter((s) => s.namespace === ns).length,
        Properties: {
            ...(ns.type === "HTTP" ? {} : { DnsProperties: { HostedZoneId: `Z${ns.id.slice(3).toUpperCase()}` } }),
            HttpProperties: { HttpName: ns.name },
        },
        CreateDate: ns.createDate,
    };
}

function serviceShape(registry: Registry, service: LocalService): Record<string, unknown> {
    const planned = service.planned;
    return {
        Id: service.id,
        Arn: service.arn,
        ResourceOwner: LOCAL_ACCOUNT_ID,
        Name: planned.name,
        NamespaceId: service.namespace.id,
        Description: planned.description,
        InstanceCount: registry.instances(service).length,
        DnsConfig: planned.records.length === 0
            ? undefined
            : { RoutingPolicy: planned.routingPolicy, DnsRecords: planned.records.map((r) => ({ Type: r.type, TTL: r.ttl })) },
        // DNS_HTTP: discoverable by DNS and DiscoverInstances; HTTP: DiscoverInstances only (API_Service, Type).
        Type: planned.records.length === 0 ? "HTTP" : "DNS_HTTP",
        HealthCheckConfig: planned.healthCheckConfig === undefined ? undefined : pascalCase(planned.healthCheckConfig),
        HealthCheckCustomConfig: planned.healthCheckCustomConfig === undefined ? undefined : pascalCase(planned.healthCheckCustomConfig),
        CreateDate: service.createDate,
        CreatedByAccount: LOCAL_ACCOUNT_ID,
    };
}

/** Health as AWS reports it: UNKNOWN where nobody reports health (GetInstancesHealthStatus). */
function healthOf(registry: Registry, service: LocalService, instance: LocalInstance): string {
    return registry.hasHealthCheck(service) ? instance.health : "UNKNOWN";
}

/** `{ failureThreshold: 1 }` (the plan's @pulumi/aws names) → `{ FailureThreshold: 1 }` (the API's). */
function pascalCase(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]));
}

function operationId(): string {
    return `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** MaxResults/NextToken paging; the token is the offset of the next item. */
function paginate<T>(items: readonly T[], input: Input, defaultMax: number): { items: T[]; nextToken?: string } {
    const max = optionalInteger(input, "MaxResults", 1, 100) ?? defaultMax;
    const token = optionalString(input, "NextToken");
    const start = token === undefined ? 0 : Number(Buffer.from(token, "base64url").toString());
    if (!Number.isInteger(start) || start < 0 || start > items.length) {
        throw new CloudMapError("InvalidInput", `NextToken "${token}" is not a token this server returned.`);
    }
    const end = start + max;
    return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString("base64url") : undefined };
}

interface Filter {
    readonly name: string;
    readonly values: readonly string[];
    readonly condition: "EQ" | "IN" | "BEGINS_WITH";
}

/** ListNamespaces/ListServices Filters: Name (one of `names`), Values, Condition (EQ by default). */
function filtersOf(input: Input, names: readonly string[]): Filter[] {
    const filters = input.Filters;
    if (filters === undefined) {
        return [];
    }
    if (!Array.isArray(filters)) {
        throw new CloudMapError("InvalidInput", "Filters must be a list of {Name, Values, Condition}.");
    }
    return filters.map((raw, i) => {
        const filter = (typeof raw === "object" && raw !== null ? raw : {}) as Input;
        const name = optionalEnum(filter, "Name", names, `Filters[${i}].Name`);
        const values = optionalStringList(filter, "Values", `Filters[${i}].Values`);
        const condition = (optionalEnum(filter, "Condition", ["EQ", "IN", "BEGINS_WITH"], `Filters[${i}].Condition`) ?? "EQ") as Filter["condition"];
        if (name === undefined || values === undefined) {
            throw new CloudMapError("InvalidInput", `Filters[${i}] needs Name (one of ${names.join(", ")}) and Values.`);
        }
        if (condition !== "IN" && values.length !== 1) {
            throw new CloudMapError("InvalidInput", `Filters[${i}]: Condition ${condition} takes exactly one value, got ${values.length}.`);
        }
        return { name, values, condition };
    });
}

function requiredString(input: Input, key: string): string {
    const value = optionalString(input, key);
    if (value === undefined || value === "") {
        throw new CloudMapError("InvalidInput", `${key} is required.`);
    }
    return value;
}

function optionalString(input: Input, key: string): string | undefined {
    const value = input[key];
    if (value !== undefined && value !== null && typeof value !== "string") {
        throw new CloudMapError("InvalidInput", `${key} must be a string, got ${JSON.stringify(value)}.`);
    }
    return value ?? undefined;
}

function optionalEnum(input: Input, key: string, allowed: readonly string[], label = key): string | undefined {
    const value = input[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string" || !allowed.includes(value)) {
        throw new CloudMapError("InvalidInput", `${label} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}.`);
    }
    return value;
}

function optionalInteger(input: Input, key: string, min: number, max: number): number | undefined {
    const value = input[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw new CloudMapError("InvalidInput", `${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`);
    }
    return value;
}

function optionalStringMap(input: Input, key: string): Record<string, string> | undefined {
    const value = input[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) {
        throw new CloudMapError("InvalidInput", `${key} must be a map of strings to strings, got ${JSON.stringify(value)}.`);
    }
    return value as Record<string, string>;
}

function optionalStringList(input: Input, key: string, label = key): string[] | undefined {
    const value = input[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) {
        throw new CloudMapError("InvalidInput", `${label} must be a non-empty list of strings, got ${JSON.stringify(value)}.`);
    }
    return value as string[];
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "./iamStatements";
import { CloudMapServiceRef, ReadableResource } from "./refs";
import {
    checkInstanceAttributeLimits, checkInstanceId, checkNonIpInstanceAttributes, checkNonIpInstanceService, checkReservedAttributeValues, Finding, isRecord,
    throwOnFindings,
} from "./rules";
import { checkRequiredArguments } from "./requiredArguments";
import { checkCloudMapServiceRef, cloudMapServiceRefOf } from "./serviceRefs";
import { typeToken } from "./typeToken";

export interface RegisteredResourceArgs {
    /** The API-only Cloud Map service the resource is registered in: a `DiscoverableService` with `apiOnly: true`. */
    readonly service: CloudMapServiceRef;
    /** The instance id, e.g. `user-auth-table`: 1-64 letters, digits and `_ / : . @ -`. */
    readonly instanceId: string;
    /**
     * Custom attributes consumers read from DiscoverInstances, e.g. `{ tablename: "UserAuth",
     * environment: "prod" }` or `{ queueurl: queue.url }`. At least one; at most 30; keys ≤ 255
     * and values ≤ 1024 characters, 5000 in all; no `AWS_INSTANCE_*` keys (this is not an IP
     * instance). Keys and plain values are checked at construction, values that are Outputs when
     * they become known (and by the policy pack).
     */
    readonly attributes: Record<string, pulumi.Input<string>>;
    /**
     * The statements that let a consumer read the resource, granted to every service that
     * declares it `reads` this resource, e.g. `dynamoDbReadStatement(name, table.arn)`.
     * Default: [] (consumers may only discover it).
     */
    readonly readAccess?: PolicyStatement[];
}

/**
 * Registers a resource that has no IP address — a DynamoDB table, a queue, a bucket — as
 * an instance of an API-only Cloud Map service, so consumers find it by name with
 * DiscoverInstances and read its coordinates from the instance attributes.
 */
export class RegisteredResource extends pulumi.ComponentResource implements ReadableResource {
    readonly instanceId: string;
    /** The attributes as registered. */
    readonly attributes: pulumi.Output<Record<string, string>>;
    /** The service it is registered in. */
    readonly service: CloudMapServiceRef;
    /** What `reads` grants. */
    readonly readAccess: PolicyStatement[];

    constructor(name: string, args: RegisteredResourceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("RegisteredResource"), name, {}, opts);
        throwOnFindings("RegisteredResource", name, checkRequiredArguments(args, { service: "the API-only Cloud Map service: { name, namespaceName, serviceArn, apiOnly: true }" }));
        const knownAttributes = plainValues(args.attributes);
        throwOnFindings("RegisteredResource", name, [
            ...checkInstanceId(args.instanceId, "instanceId"),
            ...checkNonIpInstanceAttributes(knownAttributes),
            ...checkInstanceAttributeLimits(knownAttributes),
            ...checkReservedAttributeValues(knownAttributes),
            ...checkRegistrableService(args.service),
        ]);

        this.instanceId = args.instanceId;
        this.service = cloudMapServiceRefOf(args.service);
        this.readAccess = [...(args.readAccess ?? [])];
        // Values that are Outputs are checked once known; a violation fails the run before RegisterInstance.
        this.attributes = pulumi.output(args.attributes).apply((attributes) => {
            throwOnFindings("RegisteredResource", name, [...checkInstanceAttributeLimits(attributes), ...checkReservedAttributeValues(attributes)]);
            return attributes;
        });
        new aws.servicediscovery.Instance(name, {
            serviceId: args.service.serviceId ?? serviceIdOfArn(args.service.serviceArn),
            instanceId: args.instanceId,
            attributes: this.attributes,
        }, { parent: this });
        this.registerOutputs({ instanceId: this.instanceId, attributes: this.attributes });
    }
}

/**
 * The attributes with every value not yet known replaced by an empty string: keys, counts and a
 * lower bound of the total size are decided at construction; the values themselves when known.
 * Anything but an object is passed on as it is, for the rules to name.
 */
function plainValues(attributes: unknown): unknown {
    return isRecord(attributes)
        ? Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, pulumi.Output.isInstance(value) ? "" : value]))
        : attributes;
}

function checkRegistrableService(service: CloudMapServiceRef): Finding[] {
    if (service === null || typeof service !== "object" || typeof service.name !== "string") {
        return [{ rule: "cloudmap-instance-api-only", path: "service", message: "No API-only Cloud Map service was given to register the resource in.", fix: "Pass a DiscoverableService created with apiOnly: true." }];
    }
    const malformed = checkCloudMapServiceRef(service, "service");
    if (malformed.length > 0) {
        return malformed;
    }
    if (service.apiOnly !== true) {
        return [{
            rule: "cloudmap-instance-api-only",
            path: "service",
            message: `"${service.name}" has DNS records, which need an IP address or CNAME for every instance; a resource without an address has neither.`,
            fix: "Register the resource in a DiscoverableService created with apiOnly: true.",
        }];
    }
    return checkNonIpInstanceService(service.route53HealthCheck === true, "service");
}

/** `arn:aws:servicediscovery:<region>:<account>:service/srv-…` → `srv-…`. */
function serviceIdOfArn(serviceArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(serviceArn).apply((arn) => arn.split("/").pop() ?? arn);
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DiscoverableService } from "./discoverableService";
import { PolicyStatement } from "./iamStatements";
import { checkInstanceAttributeLimits, checkInstanceId, checkNonIpInstanceAttributes, throwOnFindings } from "./rules";
import { typeToken } from "./typeToken";

export interface RegisteredResourceArgs {
    /** The API-only service the resource is registered in (`apiOnly: true`). */
    readonly service: DiscoverableService;
    /** The instance id, e.g. `user-auth-table`. */
    readonly instanceId: string;
    /**
     * Custom attributes consumers read from DiscoverInstances, e.g. `{ tablename: "UserAuth",
     * environment: "prod" }`. At least one; at most 30; keys ≤ 255 and values ≤ 1024
     * characters, 5000 in all; no `AWS_INSTANCE_*` keys (this is not an IP instance).
     * Plain strings, so the limits are checked at construction.
     */
    readonly attributes: Readonly<Record<string, string>>;
    /**
     * The statements that let a consumer read the resource, granted to every service that
     * declares it `reads` this resource. For a DynamoDB table use `dynamoDbReadStatement`.
     * @default [] (consumers may only discover it)
     */
    readonly readAccess?: readonly PolicyStatement[];
}

/**
 * Registers a resource that has no IP address — a DynamoDB table, a queue, a bucket — as
 * an instance of an API-only Cloud Map service, so consumers find it by name with
 * DiscoverInstances and read its coordinates from the instance attributes.
 */
export class RegisteredResource extends pulumi.ComponentResource {
    readonly instanceId: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly service: DiscoverableService;
    readonly readAccess: readonly PolicyStatement[];
    readonly instance: aws.servicediscovery.Instance;

    constructor(name: string, args: RegisteredResourceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("RegisteredResource"), name, {}, opts);
        const findings = [
            ...checkInstanceId(args.instanceId, "instanceId"),
            ...checkNonIpInstanceAttributes(args.attributes),
            ...checkInstanceAttributeLimits(args.attributes),
        ];
        if (!args.service.apiOnly) {
            findings.push({
                rule: "cloudmap-instance-api-only",
                path: "service",
                message: `"${args.service.name}" has DNS records, which need an IP or CNAME for every instance; a non-IP resource has neither.`,
                fix: "Register the resource in a DiscoverableService created with apiOnly: true.",
            });
        }
        throwOnFindings("RegisteredResource", name, findings);

        this.instanceId = args.instanceId;
        this.attributes = { ...args.attributes };
        this.service = args.service;
        this.readAccess = args.readAccess ?? [];
        this.instance = new aws.servicediscovery.Instance(name, {
            serviceId: args.service.id,
            instanceId: args.instanceId,
            attributes: this.attributes,
        }, { parent: this });
        this.registerOutputs({ instanceId: this.instanceId, attributes: this.attributes });
    }
}

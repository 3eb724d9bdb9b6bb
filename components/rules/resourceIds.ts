import { ArnSpec, checkArn } from "./arns";
import { Finding } from "./finding";
import { itemPath } from "./paths";
import { describeValue, kindOf } from "./values";

// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html: an EC2 resource id is
// its type prefix, a hyphen and 8 or (the current, longer format) 17 hexadecimal characters.
const EC2_ID_SOURCE = "EC2 user guide, resource IDs";
const EC2_RESOURCES = {
    vpc: { rule: "ec2-vpc-id", what: "a VPC id", example: "vpc-0123456789abcdef0" },
    subnet: { rule: "ec2-subnet-id", what: "a subnet id", example: "subnet-0123456789abcdef0" },
    sg: { rule: "ec2-security-group-id", what: "a security group id", example: "sg-0123456789abcdef0" },
} as const;

function checkEc2Id(value: unknown, prefix: keyof typeof EC2_RESOURCES, path: string): Finding[] {
    const resource = EC2_RESOURCES[prefix];
    if (typeof value === "string" && new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value)) {
        return [];
    }
    return [{
        rule: resource.rule,
        path,
        message: `${describeValue(value)} is not ${resource.what}: "${prefix}-" followed by 8 or 17 lowercase hexadecimal characters (${EC2_ID_SOURCE}).`,
        fix: `Pass the id as AWS reports it, e.g. "${resource.example}".`,
    }];
}

/** Checks a VPC id, e.g. `vpc-0123456789abcdef0`. */
export function checkVpcId(value: unknown, path = "vpcId"): Finding[] {
    return checkEc2Id(value, "vpc", path);
}

/** Checks a subnet id, e.g. `subnet-0123456789abcdef0`. */
export function checkSubnetId(value: unknown, path: string): Finding[] {
    return checkEc2Id(value, "subnet", path);
}

/** Checks a security group id, e.g. `sg-0123456789abcdef0`. */
export function checkSecurityGroupId(value: unknown, path: string): Finding[] {
    return checkEc2Id(value, "sg", path);
}

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html:
// subnets are required, "There's a limit of 16 subnets"; "There's a limit of 5 security groups".
const AWSVPC_SOURCE = "ECS API, AwsVpcConfiguration";

/** Checks the subnets of an awsvpc task or service: a list of 1 to 16 subnet ids, none repeated. */
export function checkSubnetIds(value: unknown, path = "subnetIds"): Finding[] {
    return checkIdList(value, { rule: "ecs-subnets", what: "subnet", min: 1, max: 16, check: checkSubnetId }, path);
}

/** Checks the security groups of an awsvpc task or service: at most 5 security group ids, none repeated. */
export function checkSecurityGroupIds(value: unknown, path = "securityGroupIds"): Finding[] {
    return checkIdList(value, { rule: "ecs-security-groups", what: "security group", min: 0, max: 5, check: checkSecurityGroupId }, path);
}

interface IdListSpec {
    readonly rule: string;
    readonly what: string;
    readonly min: number;
    readonly max: number;
    readonly check: (value: unknown, path: string) => Finding[];
}

function checkIdList(value: unknown, spec: IdListSpec, path: string): Finding[] {
    if (!Array.isArray(value)) {
        return [{ rule: spec.rule, path, message: `The ${spec.what}s are ${kindOf(value)}; ECS takes a list of ${spec.what} ids (${AWSVPC_SOURCE}).`, fix: `Pass a list of ${spec.what} ids.` }];
    }
    if (value.length < spec.min || value.length > spec.max) {
        return [{
            rule: spec.rule,
            path,
            message: value.length === 0
                ? `The list of ${spec.what}s is empty; ECS needs at least ${spec.min} to place tasks (${AWSVPC_SOURCE}).`
                : `${value.length} ${spec.what}s; ECS accepts at most ${spec.max} (${AWSVPC_SOURCE}).`,
            fix: value.length === 0 ? `Pass at least one ${spec.what}, ideally one per availability zone.` : `Pass ${spec.max} or fewer.`,
        }];
    }
    const findings = value.flatMap((item: unknown, i) => spec.check(item, itemPath(path, i)));
    value.forEach((item: unknown, i) => {
        if (value.indexOf(item) !== i) {
            findings.push({
                rule: spec.rule,
                path: itemPath(path, i),
                message: `${describeValue(item)} is listed twice.`,
                fix: "List each one once.",
            });
        }
    });
    return findings;
}

// Cloud Map ids: https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html
// NamespaceId ("The ID or Amazon Resource Name (ARN) of the namespace"; shared namespaces are
// named by ARN) and API_GetService Id: ResourceId, at most 64 characters; namespaces are
// "ns-…" and services "srv-…". ARNs: arn:<partition>:servicediscovery:<region>:<account>:
// namespace/ns-… or service/srv-…, at most 1011 characters (API_TagResource ResourceARN).
const CLOUDMAP_SOURCE = "Cloud Map API, CreateService";
const CLOUDMAP_KINDS = {
    namespace: { rule: "cloudmap-namespace-id", prefix: "ns", what: "a Cloud Map namespace id or ARN", example: "ns-0123456789abcdef" },
    service: { rule: "cloudmap-service-id", prefix: "srv", what: "a Cloud Map service id or ARN", example: "srv-0123456789abcdef" },
} as const;

function checkCloudMapRef(value: unknown, kind: keyof typeof CLOUDMAP_KINDS, path: string): Finding[] {
    const spec = CLOUDMAP_KINDS[kind];
    const id = new RegExp(`^${spec.prefix}-[A-Za-z0-9]{1,${63 - spec.prefix.length}}$`);
    if (typeof value === "string" && id.test(value)) {
        return [];
    }
    if (typeof value === "string" && value.startsWith("arn:")) {
        const arn: ArnSpec = {
            rule: spec.rule, what: spec.what, service: "servicediscovery", regional: true,
            resource: new RegExp(`^${kind}/${spec.prefix}-[A-Za-z0-9]+$`), resourceShape: `${kind}/${spec.prefix}-<id>`,
            minLength: 1, maxLength: 1011, example: `arn:aws:servicediscovery:us-east-1:123456789012:${kind}/${spec.example}`, source: CLOUDMAP_SOURCE,
        };
        return checkArn(value, arn, path);
    }
    return [{
        rule: spec.rule,
        path,
        message: `${describeValue(value)} is not ${spec.what}: an id is "${spec.prefix}-" and letters or digits, at most 64 characters (${CLOUDMAP_SOURCE}).`,
        fix: `Pass the id or ARN as AWS reports it, e.g. "${spec.example}".`,
    }];
}

/** Checks a Cloud Map namespace id (`ns-…`) or namespace ARN (how a shared namespace is named). */
export function checkNamespaceId(value: unknown, path = "namespace.id"): Finding[] {
    return checkCloudMapRef(value, "namespace", path);
}

/** Checks a Cloud Map service id (`srv-…`) or service ARN. */
export function checkCloudMapServiceId(value: unknown, path = "serviceId"): Finding[] {
    return checkCloudMapRef(value, "service", path);
}

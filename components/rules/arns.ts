import { Finding } from "./finding";
import { characterCount, describeValue, kindOf } from "./values";

/** The six parts of an ARN: `arn:partition:service:region:account-id:resource`. */
export interface ParsedArn {
    readonly partition: string;
    readonly service: string;
    readonly region: string;
    readonly accountId: string;
    /** Everything after the fifth colon, e.g. `role/path/name` or `secret:name-AbCdEf`. */
    readonly resource: string;
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html: arn:partition:service:
// region:account-id:resource; the partition is aws, aws-cn, aws-us-gov and other aws-*
// partitions; the account id is 12 digits; region and account are empty for global resources.
const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
const ACCOUNT_ID = /^[0-9]{12}$/;
const ARN_SOURCE = "IAM user guide, ARN format";

/**
 * Splits an ARN into its parts, or `undefined` when it does not have the six colon-separated
 * parts. The resource may itself hold colons. Only the shape is read; see {@link checkArn}.
 */
export function parseArn(value: string): ParsedArn | undefined {
    const parts = value.split(":");
    if (parts.length < 6 || parts[0] !== "arn") {
        return undefined;
    }
    const [, partition, service, region, accountId, ...resource] = parts;
    return { partition, service, region, accountId, resource: resource.join(":") };
}

/** What one kind of ARN looks like. */
export interface ArnSpec {
    readonly rule: string;
    /** What the ARN names, as a noun phrase: "an ECS cluster ARN". */
    readonly what: string;
    readonly service: string;
    /** Regional resources have a region; global ones (IAM) have an empty one. */
    readonly regional: boolean;
    /** The resource part, e.g. /^cluster\/[A-Za-z0-9_-]{1,255}$/. */
    readonly resource: RegExp;
    /** The resource part as a person reads it: `cluster/<name of 1-255 letters, digits, - and _>`. */
    readonly resourceShape: string;
    readonly minLength: number;
    readonly maxLength: number;
    readonly example: string;
    /** Short source name of the resource part and the lengths. */
    readonly source: string;
}

/** Checks that `value` is an ARN of the kind `spec` describes: length, partition, service, region, account and resource. */
export function checkArn(value: unknown, spec: ArnSpec, path: string): Finding[] {
    const problem = arnProblem(value, spec);
    return problem === undefined
        ? []
        : [{
            rule: spec.rule,
            path,
            message: `${describeValue(value)} is not ${spec.what}: ${problem}.`,
            fix: `Pass the ARN as AWS reports it, e.g. ${JSON.stringify(spec.example)}.`,
        }];
}

function arnProblem(value: unknown, spec: ArnSpec): string | undefined {
    if (typeof value !== "string") {
        return `it is ${kindOf(value)}, and an ARN is text`;
    }
    const length = characterCount(value);
    if (length < spec.minLength || length > spec.maxLength) {
        return `it has ${length} characters, and AWS accepts ${spec.minLength} to ${spec.maxLength} (${spec.source})`;
    }
    const arn = parseArn(value);
    if (arn === undefined) {
        return `an ARN has the form arn:partition:service:region:account-id:resource (${ARN_SOURCE})`;
    }
    if (!PARTITION.test(arn.partition)) {
        return `the partition ${describeValue(arn.partition)} is not an AWS partition such as aws, aws-cn or aws-us-gov (${ARN_SOURCE})`;
    }
    if (arn.service !== spec.service) {
        return `it names the service ${describeValue(arn.service)}, not ${spec.service}`;
    }
    if (spec.regional ? !REGION.test(arn.region) : arn.region !== "") {
        return spec.regional
            ? `the region ${describeValue(arn.region)} is not a region code such as us-east-1 (${ARN_SOURCE})`
            : `${spec.service} ARNs have no region, and this one has ${describeValue(arn.region)} (${ARN_SOURCE})`;
    }
    if (!ACCOUNT_ID.test(arn.accountId)) {
        return `the account id ${describeValue(arn.accountId)} is not 12 digits (${ARN_SOURCE})`;
    }
    if (!spec.resource.test(arn.resource)) {
        return `the resource part ${describeValue(arn.resource)} is not ${spec.resourceShape} (${spec.source})`;
    }
    return undefined;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html: clusterName
// "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens"; CreateService
// cluster: "The short name or full Amazon Resource Name (ARN) of the cluster".
const ECS_CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ECS_CLUSTER: ArnSpec = {
    rule: "ecs-cluster-arn", what: "an ECS cluster ARN", service: "ecs", regional: true,
    resource: /^cluster\/[A-Za-z0-9_-]{1,255}$/, resourceShape: "cluster/<1-255 letters, digits, hyphens and underscores>",
    minLength: 1, maxLength: 2048, example: "arn:aws:ecs:us-east-1:123456789012:cluster/apps", source: "ECS API, CreateCluster",
};

/** Checks an ECS cluster reference: a cluster ARN, or a cluster's short name, which ECS accepts too. */
export function checkEcsClusterArn(value: unknown, path = "cluster.arn"): Finding[] {
    return typeof value === "string" && ECS_CLUSTER_NAME.test(value) ? [] : checkArn(value, ECS_CLUSTER, path);
}

// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html: names of
// ASCII letters, numbers and /_+=.@- (at most 512); ARNs of 20-2048 characters ending in the
// name, a hyphen and six random characters. ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html)
// also takes ":json-key:version-stage:version-id" after the ARN to pick one value.
const SECRET: ArnSpec = {
    rule: "secretsmanager-secret-arn", what: "a Secrets Manager secret ARN", service: "secretsmanager", regional: true,
    resource: /^secret:[A-Za-z0-9/_+=.@-]{1,512}(:[^:]*){0,3}$/,
    resourceShape: "secret:<name of letters, digits and /_+=.@->, optionally followed by :json-key:version-stage:version-id",
    minLength: 20, maxLength: 2048, example: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf",
    source: "Secrets Manager API, CreateSecret",
};

/** Checks a Secrets Manager secret ARN (as ECS takes it for a container secret). */
export function checkSecretArn(value: unknown, path: string): Finding[] {
    return checkArn(value, SECRET, path);
}

// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html: names of
// a-zA-Z0-9_.- and / for hierarchies of at most 15 levels; "The maximum length for a parameter
// name, including the full length of the parameter ARN, is 1011 characters".
const SSM_PARAMETER: ArnSpec = {
    rule: "ssm-parameter-arn", what: "an SSM parameter ARN", service: "ssm", regional: true,
    resource: /^parameter\/[a-zA-Z0-9_.-]+(\/[a-zA-Z0-9_.-]+){0,14}$/,
    resourceShape: "parameter/<name of letters, digits and _.- in at most 15 /-separated levels>",
    minLength: 20, maxLength: 1011, example: "arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/host", source: "Systems Manager API, PutParameter",
};

/** Checks a Systems Manager parameter ARN. */
export function checkSsmParameterArn(value: unknown, path: string): Finding[] {
    return checkArn(value, SSM_PARAMETER, path);
}

// https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN: key ARNs
// are arn:<partition>:kms:<region>:<account>:key/<key id>, the key id a UUID, or "mrk-" and 32
// hexadecimal characters for a multi-Region key; KeyId is at most 2048 characters (API_DescribeKey).
const KMS_KEY: ArnSpec = {
    rule: "kms-key-arn", what: "a KMS key ARN", service: "kms", regional: true,
    resource: new RegExp(`^key/(${UUID}|mrk-[0-9a-f]{32})$`), resourceShape: "key/<key id: a UUID, or mrk- and 32 hexadecimal characters>",
    minLength: 1, maxLength: 2048, example: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    source: "KMS developer guide, key identifiers",
};

/** Checks a KMS key ARN (not an alias ARN: grants and encryption settings name the key). */
export function checkKmsKeyArn(value: unknown, path: string): Finding[] {
    return checkArn(value, KMS_KEY, path);
}

// https://docs.aws.amazon.com/privateca/latest/APIReference/API_DescribeCertificateAuthority.html:
// CertificateAuthorityArn of 5-200 characters, "arn:aws:acm-pca:region:account:certificate-authority/12345678-1234-1234-1234-123456789012".
const PRIVATE_CA: ArnSpec = {
    rule: "acm-pca-certificate-authority-arn", what: "an ACM Private CA ARN", service: "acm-pca", regional: true,
    resource: new RegExp(`^certificate-authority/${UUID}$`), resourceShape: "certificate-authority/<UUID>",
    minLength: 5, maxLength: 200, example: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012",
    source: "AWS Private CA API, DescribeCertificateAuthority",
};

/** Checks the ARN of an AWS Private CA certificate authority. */
export function checkPrivateCaArn(value: unknown, path: string): Finding[] {
    return checkArn(value, PRIVATE_CA, path);
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html: RoleName of 1-64
// characters [\w+=,.@-]+; Path of 1-512 characters (\u002F)|(\u002F[\u0021-\u007E]+\u002F);
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html: Arn of 20-2048 characters.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const IAM_SOURCE = "IAM API, CreateRole";

/** Checks an IAM role name: 1-64 letters, digits and `+=,.@_-`. */
export function checkIamRoleName(name: unknown, path = "roleName"): Finding[] {
    if (typeof name === "string" && ROLE_NAME.test(name)) {
        return [];
    }
    const detail = typeof name === "string" && name.length > 64 ? `it has ${name.length} characters` : `it is ${kindOf(name)}`;
    return [{
        rule: "iam-role-name",
        path,
        message: `An IAM role name is 1-64 letters, digits and + = , . @ _ -; ${detail} (${IAM_SOURCE}).`,
        fix: "Use a shorter name of those characters (names generated from a resource name add a suffix of 8 characters).",
    }];
}

/** Checks an IAM role ARN, path included: `arn:aws:iam::123456789012:role/service-role/ecs-task`. */
export function checkIamRoleArn(value: unknown, path = "roleArn"): Finding[] {
    const base = checkArn(value, {
        rule: "iam-role-arn", what: "an IAM role ARN", service: "iam", regional: false,
        resource: /^role\/.+$/, resourceShape: "role/<path/>name", minLength: 20, maxLength: 2048,
        example: "arn:aws:iam::123456789012:role/ecs-task", source: "IAM API, Role",
    }, path);
    if (base.length > 0) {
        return base;
    }
    const resource = parseArn(value as string)!.resource.slice("role".length);
    const lastSlash = resource.lastIndexOf("/");
    const rolePath = resource.slice(0, lastSlash + 1);
    const name = resource.slice(lastSlash + 1);
    const problem = !ROLE_NAME.test(name)
        ? `the role name ${describeValue(name)} is not 1-64 letters, digits and + = , . @ _ -`
        : rolePath.length > 512 || !ROLE_PATH.test(rolePath)
            ? `the path ${describeValue(rolePath)} is not "/" or printable ASCII between slashes, at most 512 characters`
            : undefined;
    return problem === undefined
        ? []
        : [{
            rule: "iam-role-arn", path,
            message: `${describeValue(value)} is not an IAM role ARN: ${problem} (${IAM_SOURCE}).`,
            fix: 'Pass the ARN as AWS reports it, e.g. "arn:aws:iam::123456789012:role/service-role/ecs-task".',
        }];
}

// arn:<partition>:iam::aws:policy/[path/]<name>: AWS-managed policies live in the "aws" account, in
// every partition (IAM user guide, "AWS managed policies";
// list: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html).
const AWS_MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The name of an AWS-managed policy from its ARN; undefined for any other policy ARN. */
export function awsManagedPolicyName(policyArn: string): string | undefined {
    return AWS_MANAGED_POLICY_ARN.exec(policyArn)?.[1];
}

import { Finding } from "./finding";
import { keyPath } from "./paths";
import { characterCount, describeValue, isRecord, kindOf } from "./values";

/** The services whose resources the components tag, each with its own tag rules. */
export type TaggedService = "cloudmap" | "ecs" | "iam" | "ec2" | "logs" | "dynamodb";

interface TagLimits {
    /** The service as a person names it. */
    readonly label: string;
    readonly maxTags: number;
    /** Keys are at least one character; AWS counts Unicode characters. */
    readonly maxKeyLength: number;
    readonly maxValueLength: number;
    /** The documented character set, when the service documents one. */
    readonly characters?: { readonly pattern: RegExp; readonly described: string };
    /** Whether the service also reserves `aws:` at the start of values (keys: always). */
    readonly reservedInValues: boolean;
    /** Short source name, for messages; the URL sits in the comment above each entry. */
    readonly source: string;
}

// Letters, separators (spaces) and numbers of any script, plus _ . : / = + - @: the pattern
// ECS, IAM and CloudWatch Logs document for keys and values.
const UNICODE_TAG_CHARACTERS = { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, described: "letters, numbers, spaces and _ . : / = + - @" };

/**
 * Tag rules per service. Every service caps keys at 128 and values at 256 characters and a
 * resource at 50 tags, except where noted; the character sets and the reserved prefix differ.
 */
export const TAG_LIMITS: Readonly<Record<TaggedService, TagLimits>> = {
    // https://docs.aws.amazon.com/cloud-map/latest/api/API_Tag.html (key 1-128, value 0-256, no
    // character pattern); TooManyTagsException: "The maximum number of tags that can be applied to
    // a resource is 50" (https://docs.aws.amazon.com/cloud-map/latest/api/API_TagResource.html).
    cloudmap: { label: "Cloud Map", maxTags: 50, maxKeyLength: 128, maxValueLength: 256, reservedInValues: false, source: "Cloud Map API, Tag" },
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html: 50 tags, key 1-128,
    // value 0-256, pattern ([\p{L}\p{Z}\p{N}_.:/=+\-@]*), and "do not use aws:, AWS:, or any upper
    // or lowercase combination of such as a prefix for either keys or values".
    ecs: {
        label: "ECS", maxTags: 50, maxKeyLength: 128, maxValueLength: 256, characters: UNICODE_TAG_CHARACTERS,
        reservedInValues: true, source: "ECS API, Tag",
    },
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html: key 1-128
    // [\p{L}\p{Z}\p{N}_.:/=+\-@]+, value 0-256 [\p{L}\p{Z}\p{N}_.:/=+\-@]*; CreateRole Tags: at most
    // 50 items (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
    iam: {
        label: "IAM", maxTags: 50, maxKeyLength: 128, maxValueLength: 256, characters: UNICODE_TAG_CHARACTERS,
        reservedInValues: false, source: "IAM API, Tag",
    },
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Tag.html: "Tag keys ... accept a
    // maximum of 127 Unicode characters. May not begin with aws:"; values up to 256. The user
    // guide says 128 for keys; the API reference is the stricter, so 127. Any character is
    // accepted (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions,
    // which also sets 50 tags per resource).
    ec2: { label: "EC2", maxTags: 50, maxKeyLength: 127, maxValueLength: 256, reservedInValues: false, source: "EC2 API, Tag" },
    // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html:
    // "as many as 50 tags"; keys 1-128 ^([\p{L}\p{Z}\p{N}_.:/=+\-@]+)$, values 0-256
    // ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ (also API_CreateLogGroup).
    logs: {
        label: "CloudWatch Logs", maxTags: 50, maxKeyLength: 128, maxValueLength: 256, characters: UNICODE_TAG_CHARACTERS,
        reservedInValues: false, source: "CloudWatch Logs API, TagResource",
    },
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html:
    // 50 tags, key 128 and value 256 Unicode characters, "letters, white space, and numbers, plus
    // + - = . _ : /" (no @), and the aws: prefix reserved for AWS-assigned names and values.
    dynamodb: {
        label: "DynamoDB", maxTags: 50, maxKeyLength: 128, maxValueLength: 256,
        characters: { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+-]*$/u, described: "letters, numbers, spaces and _ . : / = + -" },
        reservedInValues: true, source: "DynamoDB developer guide, tagging restrictions",
    },
};

// "aws:" in any case is reserved for tags AWS itself applies, in every service
// (https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html).
const RESERVED_PREFIX = /^aws:/i;

/**
 * Checks a map of tags against one service's rules: the count, each key (1 to the maximum
 * characters, the service's character set, no `aws:` prefix in any case) and each value (a
 * string — never null — up to the maximum, the character set, and no `aws:` prefix where the
 * service reserves it in values too). Rule ids are `<service>-tag-count`, `-tag-key`,
 * `-tag-value` and `-tag-reserved-prefix`, e.g. `ecs-tag-key`.
 */
export function checkTags(tags: unknown, service: TaggedService, path = "tags"): Finding[] {
    if (tags === undefined) {
        return [];
    }
    const limits = TAG_LIMITS[service];
    if (!isRecord(tags)) {
        return [{
            rule: `${service}-tag-key`,
            path,
            message: `Tags are ${kindOf(tags)}; ${limits.label} takes a map of tag keys to text values.`,
            fix: 'Pass an object such as { team: "payments" }.',
        }];
    }
    const findings: Finding[] = [];
    const entries = Object.entries(tags);
    if (entries.length > limits.maxTags) {
        findings.push({
            rule: `${service}-tag-count`,
            path,
            message: `${entries.length} tags; a ${limits.label} resource takes at most ${limits.maxTags} (${limits.source}).`,
            fix: `Drop tags until ${limits.maxTags} or fewer remain (tags added by these components count too).`,
        });
    }
    for (const [key, value] of entries) {
        findings.push(...checkTagKey(key, limits, service, keyPath(path, key)), ...checkTagValue(value, limits, service, keyPath(path, key)));
    }
    return findings;
}

function checkTagKey(key: string, limits: TagLimits, service: TaggedService, path: string): Finding[] {
    const length = characterCount(key);
    if (length === 0 || length > limits.maxKeyLength) {
        return [{
            rule: `${service}-tag-key`,
            path,
            message: `The tag key is ${length} characters long; ${limits.label} accepts keys of 1 to ${limits.maxKeyLength} characters (${limits.source}).`,
            fix: `Use a key of 1 to ${limits.maxKeyLength} characters.`,
        }];
    }
    if (limits.characters !== undefined && !limits.characters.pattern.test(key)) {
        return [{
            rule: `${service}-tag-key`,
            path,
            message: `The tag key ${describeValue(key)} has characters ${limits.label} does not accept; keys may hold ${limits.characters.described} (${limits.source}).`,
            fix: "Replace the other characters, e.g. with hyphens.",
        }];
    }
    if (RESERVED_PREFIX.test(key)) {
        return [{
            rule: `${service}-tag-reserved-prefix`,
            path,
            message: `The tag key ${describeValue(key)} starts with "aws:", which AWS reserves for its own tags (${limits.source}).`,
            fix: "Use a key without the aws: prefix, e.g. with your organisation's prefix.",
        }];
    }
    return [];
}

function checkTagValue(value: unknown, limits: TagLimits, service: TaggedService, path: string): Finding[] {
    if (typeof value !== "string") {
        return [{
            rule: `${service}-tag-value`,
            path,
            message: `The tag value is ${kindOf(value)}; ${limits.label} tag values are text, possibly empty, never null (${limits.source}).`,
            fix: 'Pass a string; use "" for a tag without a value.',
        }];
    }
    const length = characterCount(value);
    if (length > limits.maxValueLength) {
        return [{
            rule: `${service}-tag-value`,
            path,
            message: `The tag value is ${length} characters long; ${limits.label} accepts at most ${limits.maxValueLength} (${limits.source}).`,
            fix: `Shorten the value to ${limits.maxValueLength} characters or fewer.`,
        }];
    }
    if (limits.characters !== undefined && !limits.characters.pattern.test(value)) {
        return [{
            rule: `${service}-tag-value`,
            path,
            message: `The tag value ${describeValue(value)} has characters ${limits.label} does not accept; values may hold ${limits.characters.described} (${limits.source}).`,
            fix: "Replace the other characters, e.g. with hyphens.",
        }];
    }
    if (limits.reservedInValues && RESERVED_PREFIX.test(value)) {
        return [{
            rule: `${service}-tag-reserved-prefix`,
            path,
            message: `The tag value ${describeValue(value)} starts with "aws:", which ${limits.label} reserves in values as well as keys (${limits.source}).`,
            fix: "Use a value without the aws: prefix.",
        }];
    }
    return [];
}

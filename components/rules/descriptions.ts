import { Finding } from "./finding";
import { characterCount, describeValue, kindOf } from "./values";

/** Resources whose free-text description the components set. */
export type DescribedResource = "cloudmap-namespace" | "cloudmap-service" | "iam-role" | "ec2-security-group" | "ec2-security-group-rule";

interface DescriptionLimits {
    readonly label: string;
    readonly maxLength: number;
    readonly characters?: { readonly pattern: RegExp; readonly described: string };
    readonly source: string;
}

/** Description limits per resource; the rule id is `<resource>-description`. */
export const DESCRIPTION_LIMITS: Readonly<Record<DescribedResource, DescriptionLimits>> = {
    // https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html
    // (also CreatePublicDnsNamespace, CreateHttpNamespace): Description, maximum length 1024.
    "cloudmap-namespace": { label: "A Cloud Map namespace description", maxLength: 1024, source: "Cloud Map API, CreatePrivateDnsNamespace" },
    // https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html: Description, maximum length 1024.
    "cloudmap-service": { label: "A Cloud Map service description", maxLength: 1024, source: "Cloud Map API, CreateService" },
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html: Description, maximum
    // length 1000, pattern [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*.
    "iam-role": {
        label: "An IAM role description", maxLength: 1000,
        characters: { pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/, described: "printable ASCII, Latin-1 letters and symbols, tabs and line breaks" },
        source: "IAM API, CreateRole",
    },
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html:
    // GroupDescription "Up to 255 characters in length ... a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*".
    "ec2-security-group": {
        label: "A security group description", maxLength: 255,
        characters: { pattern: /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/, described: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*" },
        source: "EC2 API, CreateSecurityGroup",
    },
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRuleRequest.html:
    // Description "Up to 255 characters in length ... a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=;{}!$*" (no &).
    "ec2-security-group-rule": {
        label: "A security group rule description", maxLength: 255,
        characters: { pattern: /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]*$/, described: "letters, digits, spaces and ._-:/()#,@[]+=;{}!$*" },
        source: "EC2 API, SecurityGroupRuleRequest",
    },
};

/** Checks a description's type, length (in Unicode characters) and, where documented, its characters. */
export function checkDescription(value: unknown, resource: DescribedResource, path = "description"): Finding[] {
    if (value === undefined) {
        return [];
    }
    const limits = DESCRIPTION_LIMITS[resource];
    const rule = `${resource}-description`;
    if (typeof value !== "string") {
        return [{ rule, path, message: `${limits.label} must be text; got ${kindOf(value)}.`, fix: "Pass a string, or leave it out for the default." }];
    }
    const length = characterCount(value);
    if (length > limits.maxLength) {
        return [{
            rule, path,
            message: `${limits.label} is ${length} characters long; AWS accepts at most ${limits.maxLength} (${limits.source}).`,
            fix: `Shorten it to ${limits.maxLength} characters or fewer.`,
        }];
    }
    if (limits.characters !== undefined && !limits.characters.pattern.test(value)) {
        const bad = [...new Set([...value].filter((c) => !limits.characters!.pattern.test(c)))];
        return [{
            rule, path,
            message: `${limits.label} holds ${bad.map((c) => describeValue(c)).join(", ")}; AWS accepts only ${limits.characters.described} (${limits.source}).`,
            fix: "Remove or replace those characters.",
        }];
    }
    return [];
}

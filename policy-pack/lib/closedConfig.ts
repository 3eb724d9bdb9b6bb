import { PolicyConfigSchema, ResourceValidation, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/**
 * A policy's config schema that refuses properties it does not declare, so a misspelled property
 * (`maxTtlSecond`) is an error instead of leaving the policy on its default.
 *
 * The keyword cannot reach the engine: @pulumi/policy sends only a schema's `properties` and
 * `required` in GetAnalyzerInfo (the PolicyConfigSchema message has no other field), and the
 * Pulumi engine validates config against `{ type: "object", properties, required }`
 * (pkg/resource/analyzer/config.go, convertSchema), which admits any other property. So the pack
 * enforces it itself: {@link enforceClosedConfig} checks a policy's config before it runs.
 */
export interface ClosedConfigSchema extends PolicyConfigSchema {
    readonly additionalProperties: false;
}

/** A closed config schema with these properties (none by default). */
export function closedConfigSchema(properties: PolicyConfigSchema["properties"] = {}): ClosedConfigSchema {
    return { properties, additionalProperties: false };
}

type Policy = ResourceValidationPolicy | StackValidationPolicy;

/** Thrown, and so reported by the engine as the policy's error, when its config has a property its schema does not declare. */
export class PolicyConfigError extends Error {
    constructor(policy: string, unknown: readonly string[], known: readonly string[]) {
        super(`Policy pack config for ${policy}: ${unknown.map((key) => JSON.stringify(key)).join(", ")} ` +
            `${unknown.length === 1 ? "is not a property" : "are not properties"} of this policy ` +
            `(its properties: ${known.join(", ") || "none"}). Fix the entry in the --policy-pack-config file.`);
        this.name = "PolicyConfigError";
    }
}

function checkConfig(policy: Policy, args: { getConfig<T extends object>(): T }): void {
    const schema = policy.configSchema as Partial<ClosedConfigSchema> | undefined;
    if (schema?.additionalProperties !== false) {
        return;
    }
    const known = Object.keys(schema.properties ?? {});
    const unknown = Object.keys(args.getConfig<Record<string, unknown>>()).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
        throw new PolicyConfigError(policy.name, unknown, known);
    }
}

/**
 * The policy with its config checked before every validation and remediation: a property its
 * closed schema does not declare fails the run with a {@link PolicyConfigError} naming it. The
 * engine reports an error thrown by a policy as "Error validating resource with policy '<name>'"
 * and fails the preview, as it must for a configuration the user got wrong.
 */
export function enforceClosedConfig(policy: Policy): Policy {
    if ("validateStack" in policy) {
        const validateStack = policy.validateStack;
        return {
            ...policy,
            validateStack: (args, reportViolation) => {
                checkConfig(policy, args);
                return validateStack(args, reportViolation);
            },
        };
    }
    const validate = (run: ResourceValidation): ResourceValidation => (args, reportViolation) => {
        checkConfig(policy, args);
        return run(args, reportViolation);
    };
    const remediate = policy.remediateResource;
    return {
        ...policy,
        validateResource: Array.isArray(policy.validateResource)
            ? policy.validateResource.map(validate)
            : policy.validateResource === undefined ? undefined : validate(policy.validateResource),
        remediateResource: remediate === undefined ? undefined : (args) => {
            checkConfig(policy, args);
            return remediate(args);
        },
    };
}

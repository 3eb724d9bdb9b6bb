/**
 * A broken rule, described so that a person can act on it.
 *
 * The same findings are thrown by components at construction (as a {@link ValidationError})
 * and reported by the policy pack, so the wording is written once.
 */
export interface Finding {
    /** Stable identifier of the rule, e.g. `cloudmap-dns-ttl-ceiling`. */
    readonly rule: string;
    /** Where the offending value sits, e.g. `dnsRecords[0].ttl`. */
    readonly path: string;
    /** What is wrong and why AWS (or safe discovery) forbids it. */
    readonly message: string;
    /** What to do instead. */
    readonly fix: string;
}

/**
 * Renders a finding as one line: `<path>: <message> Fix: <fix> [rule <id>]`. The rule id is
 * printed so a user can look it up (components/rules/LIMITS.md lists every id with its source).
 */
export function formatFinding(finding: Finding): string {
    return `${finding.path}: ${finding.message} Fix: ${finding.fix} [rule ${finding.rule}]`;
}

/**
 * Each broken rule once: a component checks its arguments as given and the AWS resource they
 * become, so one bad value can break the same rule at an argument (`dnsRecordTypes`) and at an
 * item inside it (`dnsRecordTypes[0]`). The most specific finding stands for the rule there.
 */
export function withoutRepeats(findings: readonly Finding[]): Finding[] {
    const within = (inner: string, outer: string) => inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    return findings.filter((finding, i) => !findings.some((other, j) => other.rule === finding.rule && (
        within(other.path, finding.path) || (other.path === finding.path && other.message === finding.message && j < i))));
}

/** Thrown by a component whose arguments break one or more rules. */
export class ValidationError extends Error {
    readonly findings: readonly Finding[];

    constructor(
        readonly component: string,
        readonly resourceName: string,
        findings: readonly Finding[],
    ) {
        const distinct = withoutRepeats(findings);
        super(
            `${component} "${resourceName}" has invalid arguments:\n` +
                distinct.map((f) => `  - ${formatFinding(f)}`).join("\n"),
        );
        this.findings = distinct;
        this.name = "ValidationError";
    }
}

/** Throws a {@link ValidationError} when `findings` is not empty. */
export function throwOnFindings(component: string, resourceName: string, findings: readonly Finding[]): void {
    if (findings.length > 0) {
        throw new ValidationError(component, resourceName, findings);
    }
}

/** Joins a path prefix and a field name: `at("dnsConfig", "ttl")` is `dnsConfig.ttl`. */
export function at(prefix: string, field: string): string {
    if (!prefix) {
        return field;
    }
    return field.startsWith("[") ? `${prefix}${field}` : `${prefix}.${field}`;
}

import { ReportViolation } from "@pulumi/policy";
import { Finding, formatFinding } from "../../components/rules";

/** Reports each rulebook finding as one violation, worded as the components word their errors. */
export function reportFindings(findings: readonly Finding[], reportViolation: ReportViolation, urn?: string): void {
    for (const finding of findings) {
        reportViolation(formatFinding(finding), urn);
    }
}

/** Keeps the findings of some rules only, for policies that enforce part of a rulebook check. */
export function onlyRules(findings: readonly Finding[], rules: readonly string[]): Finding[] {
    return findings.filter((f) => rules.includes(f.rule));
}

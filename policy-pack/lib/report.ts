import { ReportViolation } from "@pulumi/policy";
import { Finding, formatFinding } from "../../components/rules";

/**
 * The longest message a violation carries. A finding quotes the value it is about, and a program
 * can send a megabyte of it; the middle of such a message is left out, so the start (what is wrong)
 * and the end (the fix) still read, and the engine's responses stay small.
 */
export const MAX_MESSAGE_LENGTH = 2000;

function shortened(message: string): string {
    if (message.length <= MAX_MESSAGE_LENGTH) {
        return message;
    }
    const keep = MAX_MESSAGE_LENGTH / 2;
    return `${message.slice(0, keep)} … (${message.length - 2 * keep} characters left out) … ${message.slice(-keep)}`;
}

/** Reports one violation message, shortened to {@link MAX_MESSAGE_LENGTH}. */
export function reportMessage(message: string, reportViolation: ReportViolation, urn?: string): void {
    reportViolation(shortened(message), urn);
}

/** Reports each rulebook finding as one violation, worded as the components word their errors. */
export function reportFindings(findings: readonly Finding[], reportViolation: ReportViolation, urn?: string): void {
    for (const finding of findings) {
        reportMessage(formatFinding(finding), reportViolation, urn);
    }
}

/** Keeps the findings of some rules only, for policies that enforce part of a rulebook check. */
export function onlyRules(findings: readonly Finding[], rules: readonly string[]): Finding[] {
    return findings.filter((f) => rules.includes(f.rule));
}

import * as assert from "assert";
import { Finding } from "../../components/rules";

/** The rule ids of some findings, in order. */
export function rulesOf(findings: readonly Finding[]): string[] {
    return findings.map((f) => f.rule);
}

/** Asserts exactly one finding, of `rule` at `path`, whose message matches every pattern; returns it. */
export function assertOne(findings: readonly Finding[], rule: string, path: string, ...patterns: RegExp[]): Finding {
    assert.deepStrictEqual(findings.map((f) => `${f.rule} @ ${f.path}`), [`${rule} @ ${path}`], JSON.stringify(findings));
    for (const pattern of patterns) {
        assert.match(`${findings[0].message} Fix: ${findings[0].fix}`, pattern);
    }
    return findings[0];
}

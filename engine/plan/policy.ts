import * as fs from "fs";
import * as path from "path";
import type { PolicyRemediation, PolicyRunResult, PolicyViolation } from "../policyEngine";
import { RecordedResource } from "../resourceGraph";

import { PolicyPackError } from "../policyPackError";

export { PolicyPackError };

/** This repository's policy-pack/, found by walking up from this file. */
export function defaultPolicyPackDir(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "policy-pack", "PulumiPolicy.yaml"))) {
            return path.join(dir, "policy-pack");
        }
    }
    throw new PolicyPackError("no policy-pack/ directory above engine/plan: pass --policy-pack DIR or --no-policy.");
}

/**
 * Fails early, with the fix, when a pack is not runnable. The engine runs a pack's compiled
 * entry point (`main` in its package.json); without it the pack would die with a bare
 * MODULE_NOT_FOUND a few seconds in.
 */
export function assertRunnablePolicyPack(packDir: string): void {
    if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) {
        throw new PolicyPackError(`${packDir} is not a policy pack (no PulumiPolicy.yaml).`);
    }
    const manifest = path.join(packDir, "package.json");
    const main = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: string }).main : undefined;
    if (main !== undefined && !fs.existsSync(path.resolve(packDir, main)) && !fs.existsSync(path.resolve(packDir, `${main}.js`))) {
        const own = path.resolve(packDir) === defaultPolicyPackDir();
        throw new PolicyPackError(`the policy pack in ${packDir} is not built (${main} is missing). ` +
            (own ? "Run `npm run build:policy-pack`." : "Build it first.") + " Or plan without it: --no-policy.");
    }
}

/** Reads a `--policy-pack-config` file: JSON, policy name → level or `{ enforcementLevel, ...config }`. */
export function readPolicyPackConfig(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new PolicyPackError(`cannot read policy pack config ${file}: ${(err as Error).message}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new PolicyPackError(`${file}: a policy pack config is a JSON object keyed by policy name.`);
    }
    return parsed as Record<string, unknown>;
}

/** What the policy pack said about one resource (or, with `urn` undefined, the stack as a whole). */
export interface ResourcePolicyResults {
    readonly urn?: string;
    readonly mandatory: readonly PolicyViolation[];
    readonly advisory: readonly PolicyViolation[];
    readonly remediated: readonly PolicyRemediation[];
}

/** Groups violations and remediations by resource, in the order the resources were registered. */
export function policyResultsByResource(result: PolicyRunResult, resources: readonly RecordedResource[]): ResourcePolicyResults[] {
    const order = new Map(resources.map((r, i) => [r.urn, i]));
    const urns = [...new Set([...result.violations.map((v) => v.urn), ...result.remediations.map((r) => r.urn)])];
    urns.sort((a, b) => (a === undefined ? -1 : b === undefined ? 1 : (order.get(a) ?? 0) - (order.get(b) ?? 0)));
    return urns.map((urn) => ({
        urn,
        mandatory: result.violations.filter((v) => v.urn === urn && blocks(v)),
        advisory: result.violations.filter((v) => v.urn === urn && v.level === "advisory"),
        remediated: result.remediations.filter((r) => r.urn === urn),
    }));
}

/**
 * True when a violation fails the deployment. A `remediate` policy that still reports a
 * violation could not fix the resource, and the engine treats that as mandatory.
 */
export function blocks(violation: PolicyViolation): boolean {
    return violation.level === "mandatory" || violation.level === "remediate";
}

export function mandatoryCount(result: PolicyRunResult | undefined): number {
    return result?.violations.filter(blocks).length ?? 0;
}

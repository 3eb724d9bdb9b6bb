import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Location, Log, Notification, ReportingDescriptor, Result } from "sarif";
import { pathToFileURL } from "url";
import { EnforcementLevel, PolicyViolation } from "../../policyEngine";
import { PACKAGE } from "../packageRoot";
import { PlanResult } from "../planProgram";
import { specificMessage } from "./describe";

/**
 * The plan's policy findings as SARIF 2.1.0, the format GitHub code scanning ingests
 * (OASIS SARIF 2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html; schema
 * https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json).
 * One result per policy violation; the pack's policies are the rules; each result points at the
 * program line that declared the resource, relative to `%SRCROOT%` (the directory the plan ran
 * from, normally the repository root, as GitHub expects).
 */
export function sarifLog(plan: PlanResult, options: { readonly cwd: string }): Log {
    const policy = plan.policy;
    const rules: ReportingDescriptor[] = (policy?.policies ?? []).map((p) => ({
        id: p.name,
        name: p.name,
        shortDescription: { text: firstSentence(p.description) },
        fullDescription: { text: p.description },
        help: { text: `${p.description}\nEnforcement level: ${p.enforcementLevel}.`, markdown: `${p.description}\n\nEnforcement level: **${p.enforcementLevel}**.` },
        defaultConfiguration: { level: SARIF_LEVEL[p.enforcementLevel], enabled: p.enforcementLevel !== "disabled" },
        properties: { enforcementLevel: p.enforcementLevel, tags: ["pulumi-policy", policy?.packName ?? "policy-pack"] },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const manifest = projectManifest(plan.project.dir);
    return {
        $schema: "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: "cloudmap-plan",
                    fullName: `cloudmap-plan (${PACKAGE.name}) with policy pack ${policy?.packName ?? "(none: --no-policy)"}`,
                    version: PACKAGE.version,
                    rules,
                },
            },
            originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(options.cwd).href.replace(/\/?$/, "/")}` } },
            invocations: [{ executionSuccessful: true, ...notAnalysed(plan) }],
            results: (policy?.violations ?? []).map((violation) => result(plan, violation, ruleIndex, manifest, options.cwd)),
            properties: { project: plan.project.name, stack: plan.project.stack },
        }],
    };
}

/**
 * SARIF levels for enforcement levels: a mandatory violation blocks the deployment (error), so
 * does a remediate policy's violation, since it means the fix could not be applied (the
 * engine's rule, policy.ts `blocks`); advisory ones are warnings; disabled policies report nothing.
 */
const SARIF_LEVEL: Readonly<Record<EnforcementLevel, "error" | "warning" | "note" | "none">> = {
    mandatory: "error",
    remediate: "error",
    advisory: "warning",
    disabled: "none",
};

function result(plan: PlanResult, violation: PolicyViolation, ruleIndex: ReadonlyMap<string, number>, manifest: string, cwd: string): Result {
    const resource = violation.urn === undefined ? undefined : plan.graph.get(violation.urn);
    const declared = violation.urn === undefined ? undefined : plan.declarations.get(violation.urn);
    const subject = resource === undefined ? "the stack" : `${resource.name} (${resource.type})`;
    // Stack-level findings, and resources with no line of the program on their stack, point at the project file.
    const location: Location = {
        physicalLocation: {
            artifactLocation: artifact(declared?.file ?? manifest, cwd),
            region: declared === undefined ? { startLine: 1 } : { startLine: declared.line, startColumn: declared.column },
        },
        ...(violation.urn === undefined ? {} : { logicalLocations: [{ name: resource?.name ?? violation.urn, fullyQualifiedName: violation.urn, kind: "resource" }] }),
    };
    return {
        ruleId: violation.policy,
        ...(ruleIndex.has(violation.policy) ? { ruleIndex: ruleIndex.get(violation.policy) } : {}),
        level: SARIF_LEVEL[violation.level],
        message: { text: `${subject}: ${specificMessage(violation)}` },
        locations: [location],
        // Stable across runs for the same finding on the same resource, so code scanning tracks it instead of reopening it.
        partialFingerprints: { "cloudmapPlanFinding/v1": createHash("sha256").update(`${violation.policy}\n${violation.urn ?? ""}\n${violation.message}`).digest("hex") },
        properties: { enforcementLevel: violation.level, ...(violation.urn === undefined ? {} : { urn: violation.urn }) },
    };
}

/**
 * Remote components, whose resources the plan could not see and so did not check: a warning
 * each among the run's notifications, so the log never reads as a complete analysis.
 */
function notAnalysed(plan: PlanResult): { toolExecutionNotifications?: Notification[] } {
    return plan.opaque.length === 0 ? {} : {
        toolExecutionNotifications: plan.opaque.map((c) => ({
            level: "warning",
            message: { text: `${c.name} (${c.type}) is a remote component, built by its provider plugin at deploy time: the resources inside it were not analysed.` },
            locations: [{ logicalLocations: [{ name: c.name, fullyQualifiedName: c.urn, kind: "resource" }] }],
        })),
    };
}

/** A file relative to %SRCROOT% when it is inside it (what GitHub maps to the repository), else an absolute file URI. */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
    const relative = path.relative(cwd, file);
    return relative.startsWith("..") || path.isAbsolute(relative)
        ? { uri: pathToFileURL(file).href }
        : { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

function projectManifest(dir: string): string {
    const yml = path.join(dir, "Pulumi.yml");
    return fs.existsSync(yml) && !fs.existsSync(path.join(dir, "Pulumi.yaml")) ? yml : path.join(dir, "Pulumi.yaml");
}

/** The first sentence, for the one-line description code scanning shows in lists. */
function firstSentence(text: string): string {
    const end = text.search(/\.(\s|$)/);
    return end < 0 ? text : text.slice(0, end + 1);
}

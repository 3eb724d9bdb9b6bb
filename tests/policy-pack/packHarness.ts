import { execFileSync } from "child_process";
import * as path from "path";
import { AwsMocks } from "../../engine/awsMocks";
import { PolicyViolation } from "../../engine/policyEngine";
import { RecordedResource } from "../../engine/resourceGraph";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { runUnderMocks } from "../../engine/runUnderMocks";

export const PACK_DIR = path.join(__dirname, "..", "..", "policy-pack");

let built = false;

/** Compiles the pack once per test run, so the tests never drive a stale bin/. */
export function buildPack(): void {
    if (!built) {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(PACK_DIR, "tsconfig.build.json")], { stdio: "inherit" });
        built = true;
    }
}

/** Runs a fixture program under AWS-shaped mocks; resources the mocks do not model get generic ids. */
export async function fixture(program: () => unknown): Promise<RecordedResource[]> {
    const { graph } = await runUnderMocks(() => void program(), { mocks: new AwsMocks({ unknownResources: "generic" }) });
    return [...graph.resources];
}

export function ofPolicy(violations: readonly PolicyViolation[], policy: string): PolicyViolation[] {
    return violations.filter((v) => v.policy === policy);
}

/** Replaces every string that embeds one of `computed` with the unknown sentinel, at any depth. */
function unknownWhereComputed(value: unknown, computed: readonly string[]): unknown {
    if (typeof value === "string") {
        return computed.some((c) => value.includes(c)) ? UNKNOWN_SENTINEL : value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => unknownWhereComputed(v, computed));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownWhereComputed(v, computed)]));
    }
    return value;
}

/**
 * The graph as a preview sees it: ids and ARNs do not exist yet, so every input value built
 * from a dependency's id or ARN is unknown, and providers have computed no outputs.
 */
export function asPreview(resources: readonly RecordedResource[]): RecordedResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => {
        const computed = r.dependencies.flatMap((urn) => [byUrn.get(urn)?.id, byUrn.get(urn)?.outputs.arn])
            .filter((v): v is string => typeof v === "string" && v.length > 0);
        return { ...r, inputs: unknownWhereComputed(r.inputs, computed) as Record<string, unknown>, outputs: {} };
    });
}

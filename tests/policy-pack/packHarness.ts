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

/** The strings in a value, at any depth. */
function stringsIn(value: unknown): string[] {
    if (typeof value === "string") {
        return [value];
    }
    return value !== null && typeof value === "object" ? Object.values(value).flatMap(stringsIn) : [];
}

/** The parts of `value` that are unknown in `preview`, the same value with unknowns in it. */
function becameUnknown(value: unknown, preview: unknown): unknown[] {
    if (preview === UNKNOWN_SENTINEL) {
        return value === UNKNOWN_SENTINEL ? [] : [value];
    }
    if (value !== null && typeof value === "object" && preview !== null && typeof preview === "object") {
        return Object.keys(value).flatMap((key) => becameUnknown((value as Record<string, unknown>)[key], (preview as Record<string, unknown>)[key]));
    }
    return [];
}

/**
 * Outputs that are optional and computed in @pulumi/aws (the argument is optional, the output
 * is declared without `| undefined`) and that the policies read: when the program leaves them
 * unset, the provider decides them during the update, so a preview sends them unknown. Defaults
 * the provider fills in at Check (`forceDestroy`, `routingPolicy`) and names Pulumi generates
 * stay known.
 */
export const OPTIONAL_COMPUTED: Readonly<Record<string, readonly string[]>> = {
    "aws:servicediscovery/service:Service": ["type", "namespaceId"],
    "aws:ecs/service:Service": ["launchType", "iamRole", "platformVersion"],
    "aws:ecs/taskDefinition:TaskDefinition": ["networkMode"],
    "aws:iam/role:Role": ["inlinePolicies", "managedPolicyArns"],
    "aws:ec2/securityGroup:SecurityGroup": ["ingress", "egress", "vpcId"],
    "aws:dynamodb/table:Table": ["pointInTimeRecovery", "serverSideEncryption", "ttl"],
};

/**
 * The graph as a preview sees it, resource by resource in registration order:
 * - inputs: every string built from a value of a dependency that is unknown in its preview
 *   outputs (its id, its ARN, ...) is unknown;
 * - outputs (what AnalyzeStack gets): those inputs, with everything the provider computes
 *   unknown — `id`, every output that is not an input (arn, hostedZone, ...; not a generated
 *   `name`), and the optional computed outputs the program left unset (a Cloud Map service's
 *   `type` and `namespaceId`, ...).
 */
export function asPreview(resources: readonly RecordedResource[]): RecordedResource[] {
    // Per resource already converted: the strings a dependent cannot know yet.
    const unknownStrings = new Map<string, string[]>();
    return resources.map((r) => {
        const fromDependencies = r.dependencies.flatMap((urn) => unknownStrings.get(urn) ?? []);
        const inputs = unknownWhereComputed(r.inputs, fromDependencies) as Record<string, unknown>;
        if (!r.custom) {
            unknownStrings.set(r.urn, []);
            return { ...r, inputs, outputs: inputs };
        }
        // The provider generates a `name` the program left out at Check, so it is known in a preview.
        const computed = [...Object.keys(r.outputs).filter((key) => key !== "name"), ...(OPTIONAL_COMPUTED[r.type] ?? [])]
            .filter((key) => !(key in r.inputs));
        const outputs: Record<string, unknown> = { ...inputs, id: UNKNOWN_SENTINEL, ...Object.fromEntries(computed.map((key) => [key, UNKNOWN_SENTINEL])) };
        // A computed value that equals a known one (an HttpNamespace's httpName is its name) tells nothing apart.
        const known = new Set(stringsIn(outputs));
        unknownStrings.set(r.urn, [r.id, ...computed.map((key) => r.outputs[key]), becameUnknown(r.inputs, inputs)]
            .flatMap(stringsIn).filter((v) => v.length > 0 && !known.has(v)));
        return { ...r, inputs, outputs };
    });
}

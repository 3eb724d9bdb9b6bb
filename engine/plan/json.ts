import { wiringDocument, WiringDocument } from "./formats/wiringJson";
import { PlanResult } from "./planProgram";
import { ServiceConnectPlan } from "./serviceConnect";
import { masked } from "./wiring/values";

/**
 * The `--json` document: a stable contract for CI and scripts, so it carries exactly these
 * fields. `parent` and `urn` are null where there is none (the stack; stack-level
 * violations); a DNS record's `service` is the URN of the Cloud Map service that serves it,
 * and its `ttl` is null when not known until deploy. A resource's `op` is `import` when the
 * program adopts an existing resource (the `import` option), else `create`; `serviceConnect` lists
 * the ECS services with Service Connect on (`members`) and the endpoints they serve; its `inputs` show
 * secrets as "[secret]" and values not known until deploy as "[unknown]". `opaque` lists the
 * remote components whose resources the plan could not see, and so did not check.
 */
export interface PlanDocument extends WiringDocument {
    readonly resources: { urn: string; type: string; name: string; parent: string | null; op: "create" | "import"; inputs: unknown }[];
    readonly dnsRecords: { name: string; type: string; ttl: number | null; routingPolicy: string; service: string }[];
    readonly serviceConnect: ServiceConnectPlan;
    readonly opaque: { urn: string; type: string }[];
    readonly policy: { violations: { policy: string; level: string; urn: string | null; message: string }[] };
    readonly estimates: { monthlyCostUsd: number; criticalPathSeconds: number; stalenessSeconds: number | null; assumptions: string[] };
}

/** What `--json` prints instead when no plan could be made (exit status 2). */
export interface FailureDocument {
    readonly error: {
        /** What failed: the command line, the project, the type check, the program, or the policy pack. */
        readonly kind: "usage" | "project" | "type-check" | "program" | "policy-pack" | "internal";
        readonly message: string;
        /** The program's own stack frame where it failed, e.g. `at Object.<anonymous> (/app/index.ts:3:7)`. */
        readonly location: string | null;
    };
}

export function planDocument(plan: PlanResult): PlanDocument {
    return {
        resources: plan.graph.resources.map((r) => ({
            urn: r.urn, type: r.type, name: r.name, parent: r.parent ?? null, op: r.importId === undefined ? "create" : "import", inputs: masked(r.inputs),
        })),
        dnsRecords: plan.dnsRecords.map(({ name, type, ttl, routingPolicy, service }) => ({ name, type, ttl, routingPolicy, service })),
        serviceConnect: plan.serviceConnect,
        opaque: plan.opaque.map(({ urn, type }) => ({ urn, type })),
        policy: {
            violations: (plan.policy?.violations ?? []).map((v) => ({ policy: v.policy, level: v.level, urn: v.urn ?? null, message: v.message })),
        },
        estimates: {
            monthlyCostUsd: plan.estimates.monthlyCostUsd,
            criticalPathSeconds: plan.estimates.criticalPathSeconds,
            stalenessSeconds: plan.estimates.stalenessSeconds,
            assumptions: [...plan.estimates.assumptions],
        },
        ...wiringDocument(plan.wiring),
    };
}

import { wiringDocument, WiringDocument } from "./formats/wiringJson";
import { PlanResult } from "./planProgram";
import { masked } from "./wiring/values";

/**
 * The `--json` document: a stable contract for CI and scripts, so it carries exactly these
 * fields. `parent` and `urn` are null where there is none (the stack; stack-level
 * violations); a DNS record's `service` is the URN of the Cloud Map service that serves it.
 * A resource's `inputs` show secrets as "[secret]" and values not known until deploy as "[unknown]".
 */
export interface PlanDocument extends WiringDocument {
    readonly resources: { urn: string; type: string; name: string; parent: string | null; inputs: unknown }[];
    readonly dnsRecords: { name: string; type: string; ttl: number; routingPolicy: string; service: string }[];
    readonly policy: { violations: { policy: string; level: string; urn: string | null; message: string }[] };
    readonly estimates: { monthlyCostUsd: number; criticalPathSeconds: number; stalenessSeconds: number | null; assumptions: string[] };
}

export function planDocument(plan: PlanResult): PlanDocument {
    return {
        resources: plan.graph.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent ?? null, inputs: masked(r.inputs) })),
        dnsRecords: plan.dnsRecords.map(({ name, type, ttl, routingPolicy, service }) => ({ name, type, ttl, routingPolicy, service })),
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

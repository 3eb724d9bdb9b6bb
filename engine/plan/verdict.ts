import { PlanResult } from "./planProgram";
import { mandatoryCount } from "./policy";

/**
 * The plan's conclusion, worded once for every report. `blocked`: a violation would stop the
 * deployment; `qualified`: nothing blocks it, but remote components were not analysed (their
 * resources are built at deploy time), so the plan cannot say that everything passed;
 * `clean`: nothing blocks it and everything was seen.
 */
export interface Verdict {
    readonly tone: "blocked" | "qualified" | "clean";
    /** "✖", "!" or "✔". */
    readonly mark: string;
    readonly text: string;
}

export function verdictOf(plan: PlanResult): Verdict {
    const mandatory = mandatoryCount(plan.policy);
    const opaque = plan.opaque.length;
    const unchecked = opaque > 0 ? `${opaque} remote component${opaque === 1 ? "" : "s"} (${plan.opaque.map((c) => c.name).join(", ")}) not analysed` : "";
    if (mandatory > 0) {
        return {
            tone: "blocked",
            mark: "✖",
            text: `${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"}: this stack would not deploy.${unchecked ? ` Also ${unchecked}.` : ""}`,
        };
    }
    if (unchecked) {
        return {
            tone: "qualified",
            mark: "!",
            text: plan.policy
                ? `No mandatory policy violations in the resources the plan could see, but ${unchecked}: their resources were not checked.`
                : `Planned without policy checks; ${unchecked}.`,
        };
    }
    return { tone: "clean", mark: "✔", text: plan.policy ? "No mandatory policy violations." : "Planned without policy checks." };
}

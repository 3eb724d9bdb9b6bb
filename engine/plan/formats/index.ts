import { planDocument } from "../json";
import { PlanResult } from "../planProgram";
import { renderPlan } from "../render";
import { styleFor } from "../style";
import { markdownReport } from "./markdown";
import { sarifLog } from "./sarif";

/**
 * The report formats, each one module over the same computed plan (PlanResult): `text` for a
 * terminal (render.ts), `json` for scripts (json.ts), `sarif` for GitHub code scanning
 * (sarif.ts), `markdown` for a pull-request comment (markdown.ts).
 */
export const PLAN_FORMATS = ["text", "json", "sarif", "markdown"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface FormatOptions {
    /** ANSI colour in the text format. */
    readonly colour: boolean;
    /** The directory SARIF paths are relative to (the repository root in CI). @default process.cwd() */
    readonly cwd?: string;
}

export function formatPlan(format: PlanFormat, plan: PlanResult, options: FormatOptions): string {
    switch (format) {
        case "text":
            return renderPlan(plan, styleFor(options.colour));
        case "json":
            return `${JSON.stringify(planDocument(plan), null, 2)}\n`;
        case "sarif":
            return `${JSON.stringify(sarifLog(plan, { cwd: options.cwd ?? process.cwd() }), null, 2)}\n`;
        case "markdown":
            return markdownReport(plan);
    }
}

/**
 * The offline plan as a module, for tests and benchmarks that plan in-process instead of
 * through the CLI (`npm run plan`).
 */
export { planProgram, exitCodeOf } from "./planProgram";
export type { PlanOptions, PlanResult } from "./planProgram";
export { planDocument } from "./json";
export type { PlanDocument } from "./json";
export { renderPlan } from "./render";
export { styleFor } from "./style";
export { ProjectError } from "./loadProject";
export { ProgramError } from "./runProgram";
export { PolicyPackError } from "./policy";
export { DEFAULT_TRAFFIC } from "./cost";
export type { Traffic } from "./cost";

/**
 * The offline plan as a module, for tests and benchmarks that plan in-process instead of
 * through the CLI (`npm run plan`).
 */
export { planProgram, exitCodeOf } from "./planProgram";
export type { OpaqueComponent, PlanOptions, PlanResult } from "./planProgram";
export { DEFAULT_TIMEOUT_SECONDS } from "./planTimeout";
export { planDocument } from "./json";
export type { FailureDocument, PlanDocument } from "./json";
export { renderPlan } from "./render";
export { styleFor } from "./style";
export { ProjectError } from "./loadProject";
export { ProgramError } from "./runProgram";
export { TypeCheckError } from "./typeCheck";
export { isUnknown, KNOWN_AFTER_DEPLOY, UNKNOWN_SENTINEL } from "../wireProperties";
export { PolicyPackError } from "./policy";
export { DEFAULT_TRAFFIC } from "./cost";
export type { Traffic } from "./cost";

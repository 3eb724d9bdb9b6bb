import { quickshipProgram } from "./quickshipProgram";

// Pulumi turns the module's exports into stack outputs.
export = quickshipProgram();

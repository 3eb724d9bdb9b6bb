import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// Constructing the pack starts its gRPC server and prints the port, which the engine reads
// as the first line of stdout: nothing may be logged before this.
new PolicyPack("cloudmap-discovery", { policies });

import * as pulumi from "@pulumi/pulumi";
import { scaleTopology } from "../programs/scaleTopology";

scaleTopology(new pulumi.Config().requireNumber("services"));

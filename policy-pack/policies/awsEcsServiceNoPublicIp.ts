import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkNoPublicIp } from "../../components/rules";
import { isDiscoverableEcsService } from "../lib/discoverable";
import { asBlock, asBoolean } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";
import { Undecided } from "../lib/unknowns";

// A task found by name — through its Cloud Map registry or its Service Connect endpoints
// (lib/discoverable.ts) — is called from inside the VPC; a public IP only adds a path from the
// internet (ECS best practices, "Connecting to the internet").
export const awsEcsServiceNoPublicIp: ResourceValidationPolicy = {
    name: "aws-ecs-service-no-public-ip",
    description: "Warns when a discoverable ECS service (registered in Cloud Map or serving Service Connect endpoints) gives its tasks public IPs, because discovered services are called from inside the VPC.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        const undecided = new Undecided();
        if (args.type !== TYPES.ecsService || !isDiscoverableEcsService(args, undecided)) {
            return;
        }
        const findings = checkNoPublicIp(asBoolean(asBlock(args.props.networkConfiguration)?.assignPublicIp));
        if (findings.length > 0) {
            undecided.settle(); // a public IP, but whether the service is found by name is not known yet
        }
        reportFindings(findings, reportViolation);
    },
};

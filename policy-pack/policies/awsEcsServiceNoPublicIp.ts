import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkNoPublicIp } from "../../components/rules";
import { asBlock, asBoolean, isUnset } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";

// A task found through a private namespace is called from inside the VPC; a public IP only adds
// a path from the internet (ECS best practices, "Connecting to the internet").
export const awsEcsServiceNoPublicIp: ResourceValidationPolicy = {
    name: "aws-ecs-service-no-public-ip",
    description: "Warns when a discoverable ECS service gives its tasks public IPs, because services found through Cloud Map are called from inside the VPC.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.ecsService || isUnset(args.props.serviceRegistries)) {
            return;
        }
        reportFindings(checkNoPublicIp(asBoolean(asBlock(args.props.networkConfiguration)?.assignPublicIp)), reportViolation);
    },
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkNoPublicIp } from "../../components/rules";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";

// A task found through a private namespace is called from inside the VPC; a public IP only adds
// a path from the internet (ECS best practices, "Connecting to the internet").
export const awsEcsServiceNoPublicIp: ResourceValidationPolicy = {
    name: "aws-ecs-service-no-public-ip",
    description: "Warns when a discoverable ECS service gives its tasks public IPs, because services found through Cloud Map are called from inside the VPC.",
    enforcementLevel: "advisory",
    configSchema: { properties: {} },
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.ecsService || args.props.serviceRegistries === undefined) {
            return;
        }
        reportFindings(checkNoPublicIp(args.props.networkConfiguration?.assignPublicIp), reportViolation);
    },
};

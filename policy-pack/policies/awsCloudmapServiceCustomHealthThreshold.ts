import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkHealthChecks } from "../../components/rules";
import { cloudMapServiceShape } from "../lib/cloudMapService";
import { onlyRules, reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { closedConfigSchema } from "../lib/closedConfig";

// The provider reads failureThreshold back as 1 when it was left out, sees a difference on
// every update and replaces the service, deregistering every running task.
export const awsCloudmapServiceCustomHealthThreshold: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-custom-health-threshold",
    description: "Requires healthCheckCustomConfig to set failureThreshold explicitly, because an empty block makes every update replace the Cloud Map service.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService) {
            return;
        }
        reportFindings(onlyRules(checkHealthChecks(cloudMapServiceShape(args)), ["cloudmap-health-check-custom-threshold"]), reportViolation);
    },
};

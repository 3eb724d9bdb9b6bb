import { StackValidationPolicy } from "@pulumi/policy";
import { checkInstanceAttributes, checkInstanceId, isApiOnly } from "../../components/rules";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, forEachKnown } from "../lib/stackGraph";

// RegisterInstance rejects more than 30 custom attributes, keys over 255 or values over 1024
// characters, more than 5000 characters in all, and AWS_INSTANCE_* address attributes on an
// instance of an API-only (non-IP) service.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html
export const awsCloudmapInstanceAttributes: StackValidationPolicy = {
    name: "aws-cloudmap-instance-attributes",
    description: "Requires Cloud Map instance ids and attributes within RegisterInstance's limits, with no AWS_INSTANCE_* keys on API-only services, because AWS rejects the registration otherwise.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapInstance), (instance) => {
            const [service] = dependenciesVia(instance, "serviceId", TYPES.cloudMapService);
            // Without the service in this stack its kind is unknown: check the limits only.
            const apiOnly = service !== undefined && isApiOnly(service.props);
            reportFindings([
                ...checkInstanceId(instance.props.instanceId),
                ...checkInstanceAttributes(instance.props.attributes ?? {}, { apiOnly }),
            ], reportViolation, instance.urn);
        });
    },
};

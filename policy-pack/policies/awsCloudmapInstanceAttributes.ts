import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkInstanceAttributeLimits, checkInstanceId } from "../../components/rules";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { Undecided } from "../lib/unknowns";

// RegisterInstance rejects an instance id over 64 characters or outside [0-9a-zA-Z_/:.@-],
// more than 30 custom attributes, keys over 255 or values over 1024 characters, and more than
// 5000 characters of keys and values in all — for every kind of instance and service.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html
// The instance alone decides these, so this is a resource policy, run on its inputs.
export const awsCloudmapInstanceAttributes: ResourceValidationPolicy = {
    name: "aws-cloudmap-instance-attributes",
    description: "Requires Cloud Map instance ids and attributes within RegisterInstance's limits (id format, 30 custom attributes, key and value lengths, 5000 characters in all), because AWS rejects the registration otherwise.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapInstance) {
            return;
        }
        const undecided = new Undecided();
        const attributes = args.props.attributes ?? {};
        // An unknown value counts as empty: the count, the keys and a lower bound of the
        // total are still decided; only that value's own length waits for the update.
        const known = Object.fromEntries(Object.keys(attributes).map((key) => [key, undecided.unknown(attributes, key) ? "" : attributes[key]]));
        reportFindings([
            ...(undecided.unknown(args.props, "instanceId") ? [] : checkInstanceId(args.props.instanceId)),
            ...checkInstanceAttributeLimits(known),
        ], reportViolation);
        undecided.settle();
    },
};

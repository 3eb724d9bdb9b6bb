import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkInstanceAttributeLimits, checkInstanceId } from "../../components/rules";
import { asBlock, asString, isUnset } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { Undecided } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

// RegisterInstance rejects an instance id over 64 characters or outside [0-9a-zA-Z_/:.@-],
// more than 30 custom attributes, keys over 255 or values over 1024 characters, and more than
// 5000 characters of keys and values in all — for every kind of instance and service.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html
// The instance alone decides these, so this is a resource policy, run on its inputs.
export const awsCloudmapInstanceAttributes: ResourceValidationPolicy = {
    name: "aws-cloudmap-instance-attributes",
    description: "Requires Cloud Map instance ids and attributes within RegisterInstance's limits (id format, 30 custom attributes, key and value lengths, 5000 characters in all), because AWS rejects the registration otherwise.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema(),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapInstance) {
            return;
        }
        const undecided = new Undecided();
        const attributes = asBlock(args.props.attributes) ?? {};
        // An unknown value counts as empty: the count, the keys and a lower bound of the
        // total are still decided; only that value's own length waits for the update. A number
        // is sent as its digits; a null value is unset.
        // Values of another type (an object) stay as they are: the rule reports them as such. NaN is
        // no value the provider can send (it has no JSON form), so it is left to the provider.
        const known = Object.fromEntries(Object.keys(attributes).flatMap((key) => {
            if (undecided.unknown(attributes, key)) {
                return [[key, ""]];
            }
            const value: unknown = attributes[key];
            return isUnset(value) || Number.isNaN(value) ? [] : [[key, asString(value) ?? value]];
        }));
        const instanceId = undecided.unknown(args.props, "instanceId") ? undefined : asString(args.props.instanceId);
        reportFindings([
            ...(instanceId === undefined ? [] : checkInstanceId(instanceId)),
            ...checkInstanceAttributeLimits(known as Record<string, string>),
        ], reportViolation);
        undecided.settle();
    },
};

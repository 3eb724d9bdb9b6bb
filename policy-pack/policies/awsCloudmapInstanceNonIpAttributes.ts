import { StackValidationPolicy } from "@pulumi/policy";
import { checkNonIpInstanceAttributes } from "../../components/rules";
import { isKnownApiOnly } from "../lib/cloudMapService";
import { asBlock } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, forEachKnown } from "../lib/stackGraph";
import { closedConfigSchema } from "../lib/closedConfig";

// An API-only (type "HTTP") service is how a resource without an address — a table, a queue —
// is registered for DiscoverInstances: consumers learn everything from its custom attributes,
// and address attributes (AWS_INSTANCE_*, AWS_ALIAS_DNS_NAME, AWS_EC2_INSTANCE_ID) would
// describe an address it does not have. AWS accepts both (IP instances in HTTP-type services
// are valid), so this is a convention, advisory by default.
export const awsCloudmapInstanceNonIpAttributes: StackValidationPolicy = {
    name: "aws-cloudmap-instance-non-ip-attributes",
    description: "Warns when an instance of an API-only (type \"HTTP\") Cloud Map service has no custom attributes or carries address attributes (AWS_INSTANCE_*, AWS_ALIAS_DNS_NAME, AWS_EC2_INSTANCE_ID), because a non-IP resource is found only through its custom attributes.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.cloudMapInstance), (instance) => {
            // Only services in this stack known to be API-only: an unset type is unknown in a preview.
            const [service] = dependenciesVia(instance, "serviceId", TYPES.cloudMapService);
            if (service === undefined || !isKnownApiOnly(service)) {
                return;
            }
            // Only the keys matter here, and keys are known even when values are not.
            const keys = Object.keys(asBlock(instance.props.attributes) ?? {});
            reportFindings(checkNonIpInstanceAttributes(Object.fromEntries(keys.map((key) => [key, ""]))), reportViolation, instance.urn);
        });
    },
};

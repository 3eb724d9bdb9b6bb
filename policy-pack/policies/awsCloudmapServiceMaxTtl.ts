import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkTtlCeiling, DEFAULT_MAX_TTL_SECONDS } from "../../components/rules";
import { dnsRecordsOf } from "../lib/cloudMapService";
import { configWithDefaults } from "../lib/config";
import { asBlock, asBlocks, asNumber } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { copyKeepingUnknowns } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

interface MaxTtlConfig {
    maxTtlSeconds: number;
}

const DEFAULTS: MaxTtlConfig = { maxTtlSeconds: DEFAULT_MAX_TTL_SECONDS };

// Resolvers cache an answer for its TTL, so a stopped task stays discoverable for up to one TTL
// after Cloud Map deregisters it (Cloud Map API reference, DnsRecord TTL).
export const awsCloudmapServiceMaxTtl: ResourceValidationPolicy = {
    name: "aws-cloudmap-service-max-ttl",
    description: "Requires every Cloud Map DNS record TTL to be at most maxTtlSeconds, because resolvers keep returning stopped tasks for up to one TTL.",
    enforcementLevel: "mandatory",
    configSchema: closedConfigSchema({
        maxTtlSeconds: {
            type: "integer",
            minimum: 0,
            default: DEFAULTS.maxTtlSeconds,
            description: "The highest TTL, in seconds, a Cloud Map DNS record may have.",
        },
    }),
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService) {
            return;
        }
        const { maxTtlSeconds } = configWithDefaults(args, DEFAULTS);
        const dnsConfig = asBlock(args.props.dnsConfig);
        reportFindings(checkTtlCeiling(dnsConfig === undefined ? [] : dnsRecordsOf(dnsConfig), maxTtlSeconds, undefined,
            "raise this policy's maxTtlSeconds (and the components' with it)"), reportViolation);
    },
    // With enforcementLevel "remediate", the engine sends the clamped records to AWS instead. The
    // records go back as a list of plain records, whatever shape they came in (lib/read.ts); a TTL
    // that cannot be read is left as it is, for the provider to reject.
    remediateResource: (args) => {
        if (args.type !== TYPES.cloudMapService) {
            return undefined;
        }
        const { maxTtlSeconds } = configWithDefaults(args, DEFAULTS);
        const dnsConfig = asBlock(args.props.dnsConfig);
        if (dnsConfig === undefined || checkTtlCeiling(dnsRecordsOf(dnsConfig), maxTtlSeconds).length === 0) {
            return undefined;
        }
        // Copies, not the props' proxies: Remediate wraps props in a second (secret-preserving)
        // proxy on which species-creating array methods such as flatMap throw a TypeError.
        const clamped = asBlocks(dnsConfig.dnsRecords).map((record) => {
            const ttl = asNumber(record.ttl);
            return { ...copyKeepingUnknowns(record), ...(ttl !== undefined && ttl > maxTtlSeconds ? { ttl: maxTtlSeconds } : {}) };
        });
        return { ...copyKeepingUnknowns(args.props), dnsConfig: { ...copyKeepingUnknowns(dnsConfig), dnsRecords: clamped } };
    },
};

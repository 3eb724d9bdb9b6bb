import { ResourceValidationPolicy } from "@pulumi/policy";
import { checkTtlCeiling, DEFAULT_MAX_TTL_SECONDS, DnsRecordShape } from "../../components/rules";
import { configWithDefaults } from "../lib/config";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { copyKeepingUnknowns } from "../lib/unknowns";

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
    configSchema: {
        properties: {
            maxTtlSeconds: {
                type: "integer",
                minimum: 0,
                default: DEFAULTS.maxTtlSeconds,
                description: "The highest TTL, in seconds, a Cloud Map DNS record may have.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.cloudMapService) {
            return;
        }
        const { maxTtlSeconds } = configWithDefaults(args, DEFAULTS);
        const records: DnsRecordShape[] = args.props.dnsConfig?.dnsRecords ?? [];
        reportFindings(checkTtlCeiling(records, maxTtlSeconds), reportViolation);
    },
    // With enforcementLevel "remediate", the engine sends the clamped records to AWS instead.
    remediateResource: (args) => {
        if (args.type !== TYPES.cloudMapService) {
            return undefined;
        }
        const { maxTtlSeconds } = configWithDefaults(args, DEFAULTS);
        const dnsConfig = args.props.dnsConfig;
        // Spread into a plain array: Remediate wraps props in a second (secret-preserving) proxy
        // on which species-creating array methods such as flatMap throw a TypeError.
        const records: DnsRecordShape[] = [...(dnsConfig?.dnsRecords ?? [])];
        if (checkTtlCeiling(records, maxTtlSeconds).length === 0) {
            return undefined;
        }
        const clamped = records.map((r) => ({ ...copyKeepingUnknowns(r), ttl: Math.min(r.ttl, maxTtlSeconds) }));
        return { ...copyKeepingUnknowns(args.props), dnsConfig: { ...copyKeepingUnknowns(dnsConfig), dnsRecords: clamped } };
    },
};

import { Finding } from "./finding";
import { entriesOf } from "./values";

const SOURCE = "Cloud Map API, RegisterInstance";

/**
 * What the records of a service need from every instance registered in it, from the
 * RegisterInstance API reference, "Attributes"
 * (https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html):
 * - an A record needs AWS_INSTANCE_IPV4 and an AAAA record AWS_INSTANCE_IPV6, unless the
 *   instance is an alias (AWS_ALIAS_DNS_NAME), which then stands for both;
 * - an SRV record needs AWS_INSTANCE_PORT and an address (AWS_INSTANCE_IPV4, AWS_INSTANCE_IPV6
 *   or both): Cloud Map publishes the address under the SRV target
 *   `<instance id>.<service>.<namespace>` (API_DnsRecord, "SRV");
 * - a CNAME record needs AWS_INSTANCE_CNAME.
 * API-only services have no records, so they need none of these. Whether the values are
 * addresses and ports is checkReservedAttributeValues'.
 */
export function checkInstanceRecordAttributes(recordTypes: unknown, attributes: unknown, path = "attributes"): Finding[] {
    const types = Array.isArray(recordTypes) ? recordTypes.filter((t): t is string => typeof t === "string") : [];
    const present = new Set(entriesOf(attributes).filter(([, value]) => typeof value === "string" && value !== "").map(([key]) => key));
    const has = (key: string) => present.has(key);
    const alias = has("AWS_ALIAS_DNS_NAME");
    const missing: string[] = [];
    for (const type of new Set(types)) {
        if (type === "A" && !alias && !has("AWS_INSTANCE_IPV4")) {
            missing.push("AWS_INSTANCE_IPV4 (the A record's address)");
        } else if (type === "AAAA" && !alias && !has("AWS_INSTANCE_IPV6")) {
            missing.push("AWS_INSTANCE_IPV6 (the AAAA record's address)");
        } else if (type === "SRV") {
            if (!has("AWS_INSTANCE_PORT")) {
                missing.push("AWS_INSTANCE_PORT (the SRV record's port)");
            }
            if (!has("AWS_INSTANCE_IPV4") && !has("AWS_INSTANCE_IPV6")) {
                missing.push("AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6 (the address behind the SRV target)");
            }
        } else if (type === "CNAME" && !has("AWS_INSTANCE_CNAME")) {
            missing.push("AWS_INSTANCE_CNAME (the CNAME record's target)");
        }
    }
    return missing.map((what) => ({
        rule: "cloudmap-instance-record-attributes",
        path,
        message: `The service publishes ${types.join("+")} records, so every instance needs ${what}, and this one has none (${SOURCE}).`,
        fix: "Add the attribute, or register the instance in a service whose records it can fill.",
    }));
}

import * as dnsPacket from "dns-packet";
import { LocalInstance, LocalNamespace, LocalService, Registry } from "./registry";

/** Response codes (RFC 1035 §4.1.1, RFC 2136 for REFUSED's number), carried in the low four bits of the flags. */
const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

/** How long resolvers may cache "no such name" (the SOA minimum, RFC 2308): short, so a service that registers its first instance is found at once. */
export const NEGATIVE_TTL_SECONDS = 5;

/** A UDP answer without EDNS must fit in 512 bytes (RFC 1035 §4.2.1); larger ones are truncated and resent over TCP. */
const CLASSIC_UDP_LIMIT = 512;
const OUR_EDNS_PAYLOAD = 1232;

type AnswerRecord = dnsPacket.Answer;

/**
 * Answers one DNS query the way Route 53 answers for a Cloud Map namespace (API_DnsRecord,
 * API_DnsConfig): authoritative for every DNS namespace; `<service>.<namespace>` carries the
 * service's record types with its TTL, filled from the registered instances and the routing
 * policy; an SRV record points at `<instance id>.<service>.<namespace>`, which has the
 * instance's A/AAAA record; any other name in a namespace is NXDOMAIN; a name outside every
 * namespace is REFUSED, as an authoritative-only server does.
 */
export function answerQuery(registry: Registry, query: dnsPacket.DecodedPacket, transport: "udp" | "tcp"): Buffer {
    const edns = (query.additionals ?? []).find((a): a is dnsPacket.OptAnswer => a.type === "OPT");
    const response: dnsPacket.Packet = {
        id: query.id,
        type: "response",
        flags: dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED),
        questions: query.questions,
        answers: [],
        authorities: [],
        additionals: edns === undefined ? [] : [{ type: "OPT", name: ".", udpPayloadSize: OUR_EDNS_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
    };
    const setRcode = (rcode: number) => {
        response.flags = ((response.flags ?? 0) & ~0xf) | rcode;
    };
    const question = query.questions?.[0];
    if ((query as { opcode?: string }).opcode !== "QUERY") {
        setRcode(RCODE.NOTIMP);
    } else if (query.questions?.length !== 1 || question === undefined) {
        setRcode(RCODE.FORMERR);
    } else {
        const result = resolve(registry, question);
        setRcode(result.rcode);
        if (result.rcode === RCODE.REFUSED) {
            response.flags = (response.flags ?? 0) & ~dnsPacket.AUTHORITATIVE_ANSWER;
        }
        response.answers = result.answers;
        response.authorities = result.authorities;
        response.additionals = [...result.additionals, ...(response.additionals ?? [])];
    }
    return encodeWithin(response, transport === "tcp" ? 65535 : edns !== undefined ? Math.max(CLASSIC_UDP_LIMIT, Math.min(edns.udpPayloadSize, OUR_EDNS_PAYLOAD)) : CLASSIC_UDP_LIMIT);
}

/** A FORMERR for a message that could not be decoded, when at least its id could be read. */
export function formatErrorFor(message: Buffer): Buffer | undefined {
    if (message.length < 2) {
        return undefined;
    }
    return dnsPacket.encode({ id: message.readUInt16BE(0), type: "response", flags: RCODE.FORMERR, questions: [], answers: [], authorities: [], additionals: [] });
}

interface Resolution {
    readonly rcode: number;
    readonly answers: AnswerRecord[];
    readonly authorities: AnswerRecord[];
    readonly additionals: AnswerRecord[];
}

function resolve(registry: Registry, question: dnsPacket.Question): Resolution {
    const name = question.name.toLowerCase().replace(/\.$/, "");
    const namespace = registry.namespaces
        .filter((ns) => ns.type !== "HTTP" && (name === ns.name.toLowerCase() || name.endsWith(`.${ns.name.toLowerCase()}`)))
        .sort((a, b) => b.name.length - a.name.length)[0];
    if (namespace === undefined || (question.class !== undefined && question.class !== "IN")) {
        return { rcode: RCODE.REFUSED, answers: [], authorities: [], additionals: [] };
    }
    const noData: Resolution = { rcode: RCODE.NOERROR, answers: [], authorities: [soaOf(namespace, registry)], additionals: [] };
    const noSuchName: Resolution = { ...noData, rcode: RCODE.NXDOMAIN };
    if (name === namespace.name.toLowerCase()) {
        return question.type === "SOA" ? { ...noData, answers: [soaOf(namespace, registry, question.name)], authorities: [] } : noData;
    }
    const relative = name.slice(0, name.length - namespace.name.length - 1);
    const services = registry.services.filter((s) => s.namespace === namespace && s.planned.records.length > 0);
    const service = services.find((s) => s.planned.name.toLowerCase() === relative);
    if (service !== undefined) {
        return serviceAnswer(registry, service, question) ?? noSuchName;
    }
    for (const candidate of services.filter((s) => relative.endsWith(`.${s.planned.name.toLowerCase()}`) && recordTtl(s, "SRV") !== undefined)) {
        const instanceId = relative.slice(0, relative.length - candidate.planned.name.length - 1);
        const instance = registry.instances(candidate).find((i) => i.id.toLowerCase() === instanceId && srvTargetOf(i) !== undefined);
        if (instance !== undefined) {
            const records = addressRecords(question.name, instance, recordTtl(candidate, "SRV")!).filter((r) => r.type === question.type);
            return records.length > 0 ? { rcode: RCODE.NOERROR, answers: records, authorities: [], additionals: [] } : noData;
        }
    }
    return noSuchName;
}

/** The service's answer, or undefined when no instance fills any of its records (Route 53 then has no record at that name). */
function serviceAnswer(registry: Registry, service: LocalService, question: dnsPacket.Question): Resolution | undefined {
    const valueOf: Record<string, (i: LocalInstance) => unknown> = {
        A: (i) => i.attributes.AWS_INSTANCE_IPV4,
        AAAA: (i) => i.attributes.AWS_INSTANCE_IPV6,
        SRV: srvTargetOf,
        CNAME: (i) => i.attributes.AWS_INSTANCE_CNAME,
    };
    const filled = service.planned.records.filter((r) => registry.instances(service).some((i) => valueOf[r.type]?.(i) !== undefined));
    if (filled.length === 0) {
        return undefined;
    }
    // A CNAME stands for the name whatever type is asked (RFC 1034 §3.6.2).
    const record = filled.find((r) => r.type === question.type) ?? filled.find((r) => r.type === "CNAME");
    if (record === undefined) {
        return { rcode: RCODE.NOERROR, answers: [], authorities: [soaOf(service.namespace, registry)], additionals: [] };
    }
    const chosen = registry.dnsAnswerInstances(service, (i) => valueOf[record.type](i) !== undefined);
    const answers: AnswerRecord[] = [];
    const additionals: AnswerRecord[] = [];
    for (const instance of chosen) {
        if (record.type === "SRV") {
            const target = `${instance.id}.${service.planned.name}.${service.namespace.name}`;
            // Priority and weight are always 1 (API_DnsRecord, SRV).
            answers.push({ name: question.name, type: "SRV", ttl: record.ttl, data: { priority: 1, weight: 1, port: Number(instance.attributes.AWS_INSTANCE_PORT), target } });
            additionals.push(...addressRecords(target, instance, record.ttl));
        } else if (record.type === "CNAME") {
            answers.push({ name: question.name, type: "CNAME", ttl: record.ttl, data: instance.attributes.AWS_INSTANCE_CNAME });
        } else {
            answers.push(...addressRecords(question.name, instance, record.ttl).filter((r) => r.type === record.type));
        }
    }
    return { rcode: RCODE.NOERROR, answers, authorities: [], additionals };
}

/** The SRV target's address, when the instance has a port and an address (RegisterInstance, AWS_INSTANCE_PORT). */
function srvTargetOf(instance: LocalInstance): string | undefined {
    return instance.attributes.AWS_INSTANCE_PORT === undefined ? undefined : (instance.attributes.AWS_INSTANCE_IPV4 ?? instance.attributes.AWS_INSTANCE_IPV6);
}

function addressRecords(name: string, instance: LocalInstance, ttl: number): AnswerRecord[] {
    const records: AnswerRecord[] = [];
    if (instance.attributes.AWS_INSTANCE_IPV4 !== undefined) {
        records.push({ name, type: "A", ttl, data: instance.attributes.AWS_INSTANCE_IPV4 });
    }
    if (instance.attributes.AWS_INSTANCE_IPV6 !== undefined) {
        records.push({ name, type: "AAAA", ttl, data: instance.attributes.AWS_INSTANCE_IPV6 });
    }
    return records;
}

function recordTtl(service: LocalService, type: string): number | undefined {
    return service.planned.records.find((r) => r.type === type)?.ttl;
}

function soaOf(namespace: LocalNamespace, registry: Registry, name = namespace.name): AnswerRecord {
    // The serial follows registrations, so a secondary (or a curious dig) sees the zone change.
    const serial = registry.services.filter((s) => s.namespace === namespace).reduce((sum, s) => sum + registry.revision(s), 0);
    return {
        name,
        type: "SOA",
        ttl: NEGATIVE_TTL_SECONDS,
        data: { mname: `cloudmap-local.${namespace.name}`, rname: `hostmaster.${namespace.name}`, serial, refresh: 7200, retry: 900, expire: 1209600, minimum: NEGATIVE_TTL_SECONDS },
    };
}

/** Encodes the response; when it is too big for the transport, drops the additional records, then sets TC (RFC 2181 §9) so the client retries over TCP. */
function encodeWithin(response: dnsPacket.Packet, limit: number): Buffer {
    let encoded = dnsPacket.encode(response);
    if (encoded.length > limit) {
        response.additionals = (response.additionals ?? []).filter((a) => a.type === "OPT");
        encoded = dnsPacket.encode(response);
    }
    if (encoded.length > limit) {
        response.flags = (response.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE;
        response.answers = [];
        response.authorities = [];
        encoded = dnsPacket.encode(response);
    }
    return encoded;
}

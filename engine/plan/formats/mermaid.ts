import { namespaceKindOfType } from "../../../components/rules";
import { RecordedResource } from "../../resourceGraph";
import { belongsTo, DnsRecord, namespaceNameOf } from "../dnsRecords";
import { PlanResult } from "../planProgram";
import { FlowEnd } from "../wiring";
import { TYPES } from "../wiring/resourceTypes";
import { asRecord } from "../wiring/values";

const NAMESPACE_KIND_WORDS = { "private-dns": "private DNS", "public-dns": "public DNS", http: "HTTP" } as const;

/**
 * The service graph as a Mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html), which
 * GitHub renders in markdown: one subgraph per Cloud Map namespace holding its services (named
 * after the workloads that register in them) and the resources registered as instances; solid
 * edges are the traffic the security groups allow, with ports; dotted edges are DiscoverInstances
 * grants. Workloads outside Cloud Map and the CIDRs they talk to stand outside the namespaces.
 */
export function serviceGraph(plan: PlanResult): string {
    const { graph } = plan;
    const { workloads, flows } = plan.wiring.connectivity;
    const ids = new Map<string, string>();
    const id = (key: string, prefix: string): string => {
        if (!ids.has(key)) {
            ids.set(key, `${prefix}${ids.size}`);
        }
        return ids.get(key) as string;
    };
    // A workload registered in a Cloud Map service is drawn as that service's node.
    const nodeOfWorkload = new Map(workloads.map((w) => [w.urn, w.registeredIn[0] ?? w.urn]));
    const lines = ["flowchart LR"];

    const serviceLines = (service: RecordedResource, indent: string): string[] => {
        const registrants = workloads.filter((w) => w.registeredIn.includes(service.urn)).map((w) => w.name);
        const records = plan.dnsRecords.filter((r) => r.service === service.urn);
        const label = [registrants.join(", ") || String(service.inputs.name ?? service.name), recordsText(records)].join("<br/>");
        const node = id(service.urn, "s");
        return [
            records.length > 0 ? `${indent}${node}["${text(label)}"]` : `${indent}${node}(["${text(label)}"])`,
            ...graph.ofType(TYPES.cloudMapInstance).filter((i) => belongsTo(i, "serviceId", service)).flatMap((instance) => [
                `${indent}${id(instance.urn, "i")}[/"${text(instanceLabel(instance))}"/]`,
                `${indent}${node} --- ${id(instance.urn, "i")}`,
            ]),
        ];
    };
    const unplaced = new Set(graph.ofType(TYPES.cloudMapService));
    for (const namespace of graph.resources.filter((r) => namespaceKindOfType(r.type) !== undefined)) {
        const name = String(namespace.inputs.name ?? namespace.name);
        const kind = namespaceKindOfType(namespace.type);
        lines.push(`  subgraph ${id(namespace.urn, "ns")}["${text(`${name}${kind ? ` (${NAMESPACE_KIND_WORDS[kind]})` : ""}`)}"]`);
        for (const service of [...unplaced].filter((s) => namespaceNameOf(s, graph) === name)) {
            unplaced.delete(service);
            lines.push(...serviceLines(service, "    "));
        }
        lines.push("  end");
    }
    // Services of namespaces declared elsewhere.
    for (const service of unplaced) {
        lines.push(...serviceLines(service, "  "));
    }
    for (const workload of workloads.filter((w) => w.registeredIn.length === 0)) {
        lines.push(`  ${id(workload.urn, "w")}["${text(workload.name)}"]`);
    }
    const endNode = (end: FlowEnd): string => {
        if (end.kind === "workload" && end.urn !== undefined) {
            return id(nodeOfWorkload.get(end.urn) ?? end.urn, "w");
        }
        const key = `${end.kind}:${end.name}`;
        if (!ids.has(key)) {
            lines.push(`  ${id(key, "x")}(("${text(end.name)}"))`);
        }
        return id(key, "x");
    };
    for (const flow of flows) {
        lines.push(`  ${endNode(flow.from)} -->|"${text(flow.ports)}"| ${endNode(flow.to)}`);
    }
    for (const workload of workloads) {
        const from = id(nodeOfWorkload.get(workload.urn) ?? workload.urn, "w");
        for (const target of workload.discovery.resolvable.filter((r) => r.serviceUrn !== undefined)) {
            lines.push(`  ${from} -.->|"discovers"| ${id(target.serviceUrn as string, "s")}`);
        }
    }
    if (lines.length === 1) {
        lines.push(`  empty["no Cloud Map namespaces or workloads"]`);
    }
    return lines.join("\n");
}

function recordsText(records: readonly DnsRecord[]): string {
    return records.length === 0 ? "API only" : records.map((r) => `${r.type} ttl ${r.ttl}`).join(", ");
}

/** A registered resource's instance id and first attributes. */
function instanceLabel(instance: RecordedResource): string {
    return [String(instance.inputs.instanceId ?? instance.name), ...Object.entries(asRecord(instance.inputs.attributes)).slice(0, 3).map(([k, v]) => `${k}=${String(v)}`)].join("<br/>");
}

/** Text for a quoted Mermaid label: quotes and angle brackets as entity codes, except the <br/> line breaks added here. */
function text(value: string): string {
    return value.split("<br/>").map((part) => part.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;")).join("<br/>");
}

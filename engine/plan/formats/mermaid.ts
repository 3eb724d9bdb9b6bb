import { namespaceKindOfType } from "../../../components/rules";
import { RecordedResource } from "../../resourceGraph";
import { belongsTo, DnsRecord, namespaceNameOf, ttlText } from "../dnsRecords";
import { PlanResult } from "../planProgram";
import { FlowEnd } from "../wiring";
import { TYPES } from "../wiring/resourceTypes";
import { asRecord } from "../wiring/values";

const NAMESPACE_KIND_WORDS = { "private-dns": "private DNS", "public-dns": "public DNS", http: "HTTP" } as const;

/**
 * What Mermaid draws at most with its default configuration (`maxEdges`, `maxTextSize` in
 * mermaid's defaultConfig), which is how GitHub renders it; beyond either it shows an error.
 */
export const MERMAID_LIMITS = { edges: 500, characters: 50_000 } as const;

/** The diagram, or why (part of) it is left out. */
export interface ServiceGraph {
    /** Mermaid flowchart source; absent when even the traffic alone is too large to draw. */
    readonly diagram?: string;
    /** What was left out to stay within MERMAID_LIMITS, in words. */
    readonly leftOut?: string;
}

/**
 * The service graph as a Mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html), which
 * GitHub renders in markdown: one subgraph per Cloud Map namespace holding its services (named
 * after the workloads that register in them) and the resources registered as instances; solid
 * edges are the traffic the security groups allow, with ports; dotted edges are DiscoverInstances
 * grants. Workloads outside Cloud Map and the CIDRs they talk to stand outside the namespaces.
 * A graph too large for Mermaid drops the dotted edges first, then the whole diagram, and says so.
 */
export function serviceGraph(plan: PlanResult): ServiceGraph {
    const { nodes, links, traffic, discovery } = parts(plan);
    const fits = (edges: readonly string[]): string | undefined => {
        const diagram = ["flowchart LR", ...nodes, ...links, ...edges].join("\n");
        return links.length + edges.length <= MERMAID_LIMITS.edges && diagram.length <= MERMAID_LIMITS.characters ? diagram : undefined;
    };
    const limits = `Mermaid draws at most ${MERMAID_LIMITS.edges} edges and ${MERMAID_LIMITS.characters.toLocaleString("en-US")} characters`;
    const full = fits([...traffic, ...discovery]);
    if (full !== undefined) {
        return { diagram: full };
    }
    const trafficOnly = fits(traffic);
    return trafficOnly !== undefined
        ? { diagram: trafficOnly, leftOut: `the ${discovery.length} DiscoverInstances edges (${limits})` }
        : { leftOut: `the diagram: ${links.length + traffic.length + discovery.length} edges (${limits}); the connectivity table lists every flow` };
}

/** Node declarations, instance links, traffic edges and discovery edges, as Mermaid lines. */
function parts(plan: PlanResult): { nodes: string[]; links: string[]; traffic: string[]; discovery: string[] } {
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
    const nodes: string[] = [];
    const links: string[] = [];
    const instances = graph.ofType(TYPES.cloudMapInstance);

    const serviceNode = (service: RecordedResource, indent: string): void => {
        const registrants = workloads.filter((w) => w.registeredIn.includes(service.urn)).map((w) => w.name);
        const records = plan.dnsRecords.filter((r) => r.service === service.urn);
        const label = [registrants.join(", ") || String(service.inputs.name ?? service.name), recordsText(records)].join("<br/>");
        const node = id(service.urn, "s");
        nodes.push(records.length > 0 ? `${indent}${node}["${text(label)}"]` : `${indent}${node}(["${text(label)}"])`);
        for (const instance of instances.filter((i) => belongsTo(i, "serviceId", service))) {
            nodes.push(`${indent}${id(instance.urn, "i")}[/"${text(instanceLabel(instance))}"/]`);
            links.push(`  ${node} --- ${id(instance.urn, "i")}`);
        }
    };
    const unplaced = new Set(graph.ofType(TYPES.cloudMapService));
    for (const namespace of graph.resources.filter((r) => namespaceKindOfType(r.type) !== undefined)) {
        const name = String(namespace.inputs.name ?? namespace.name);
        const kind = namespaceKindOfType(namespace.type);
        nodes.push(`  subgraph ${id(namespace.urn, "ns")}["${text(`${name}${kind ? ` (${NAMESPACE_KIND_WORDS[kind]})` : ""}`)}"]`);
        for (const service of [...unplaced].filter((s) => namespaceNameOf(s, graph) === name)) {
            unplaced.delete(service);
            serviceNode(service, "    ");
        }
        nodes.push("  end");
    }
    // Services of namespaces declared elsewhere.
    unplaced.forEach((service) => serviceNode(service, "  "));
    for (const workload of workloads.filter((w) => w.registeredIn.length === 0)) {
        nodes.push(`  ${id(workload.urn, "w")}["${text(workload.name)}"]`);
    }
    const endNode = (end: FlowEnd): string => {
        if (end.kind === "workload" && end.urn !== undefined) {
            return id(nodeOfWorkload.get(end.urn) ?? end.urn, "w");
        }
        const key = `${end.kind}:${end.name}`;
        if (!ids.has(key)) {
            nodes.push(`  ${id(key, "x")}(("${text(end.name)}"))`);
        }
        return id(key, "x");
    };
    const traffic = flows.map((flow) => `  ${endNode(flow.from)} -->|"${text(flow.ports)}"| ${endNode(flow.to)}`);
    const discovery = workloads.flatMap((workload) => workload.discovery.resolvable
        .filter((r) => r.serviceUrn !== undefined)
        .map((target) => `  ${id(nodeOfWorkload.get(workload.urn) ?? workload.urn, "w")} -.->|"discovers"| ${id(target.serviceUrn as string, "s")}`));
    if (nodes.length === 0) {
        nodes.push(`  empty["no Cloud Map namespaces or workloads"]`);
    }
    return { nodes, links, traffic, discovery };
}

function recordsText(records: readonly DnsRecord[]): string {
    return records.length === 0 ? "API only" : records.map((r) => `${r.type} ttl ${ttlText(r.ttl)}`).join(", ");
}

/** A registered resource's instance id and first attributes. */
function instanceLabel(instance: RecordedResource): string {
    return [String(instance.inputs.instanceId ?? instance.name), ...Object.entries(asRecord(instance.inputs.attributes)).slice(0, 3).map(([k, v]) => `${k}=${String(v)}`)].join("<br/>");
}

/** Text for a quoted Mermaid label: quotes and angle brackets as entity codes, except the <br/> line breaks added here. */
function text(value: string): string {
    return value.split("<br/>").map((part) => part.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;")).join("<br/>");
}

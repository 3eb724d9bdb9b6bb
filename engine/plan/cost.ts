import { SERVICE_CONNECT_PROXY } from "../../components/rules";
import { ResourceGraph } from "../resourceGraph";
import { ServiceConnectMember } from "./serviceConnect";

/**
 * AWS's published list prices for what service discovery bills, the same in every commercial
 * Region (priceRegion.ts). Compute, NAT, logs and data transfer are out of scope: the plan
 * estimates discovery, not the stack.
 */
export const PRICES_USD = {
    /** Cloud Map: per registered instance per month; instances ECS registers are not charged. */
    registeredInstanceMonth: 0.1,
    /** Cloud Map: per million DiscoverInstances API calls. */
    discoverInstancesMillion: 1.0,
    /** Route 53: per hosted zone per month (first 25 zones); each DNS namespace creates one. */
    hostedZoneMonth: 0.5,
    /** Route 53: per million standard queries (first billion a month). */
    dnsQueriesMillion: 0.4,
    /**
     * Fargate On-Demand, Linux, us-east-1, per vCPU-hour and per GB-hour, by CPU architecture
     * (https://aws.amazon.com/fargate/pricing/). Unlike the discovery prices these differ by Region.
     */
    fargate: {
        X86_64: { vcpuHour: 0.04048, gbHour: 0.004445 },
        ARM64: { vcpuHour: 0.03238, gbHour: 0.00356 },
    },
} as const;

/** AWS's convention for monthly prices: 730 hours a month. */
const HOURS_PER_MONTH = 730;

/**
 * What one task's Service Connect proxy costs a month: the 256 CPU units and 64 MiB AWS recommends
 * leaving it (SERVICE_CONNECT_PROXY) are part of the task size Fargate bills.
 */
export function proxyTaskMonthUsd(cpuArchitecture: string): number {
    const price = cpuArchitecture === "ARM64" ? PRICES_USD.fargate.ARM64 : PRICES_USD.fargate.X86_64;
    return (SERVICE_CONNECT_PROXY.cpu / 1024 * price.vcpuHour + SERVICE_CONNECT_PROXY.memoryMiB / 1024 * price.gbHour) * HOURS_PER_MONTH;
}

/** Assumed monthly traffic; the graph says what exists, not how much it is used. */
export interface Traffic {
    readonly dnsQueriesMillions: number;
    readonly discoverCallsMillions: number;
}

/** About 4 DNS queries and 0.4 DiscoverInstances calls a second, around the clock. */
export const DEFAULT_TRAFFIC: Traffic = { dnsQueriesMillions: 10, discoverCallsMillions: 1 };

/** What the program creates that service discovery bills for. */
export interface BillableResources {
    /** Private and public DNS namespaces; each creates a Route 53 hosted zone. */
    readonly hostedZones: number;
    /** Instances the program registers itself (`aws.servicediscovery.Instance`). */
    readonly registeredInstances: number;
    /** ECS services that register their tasks in Cloud Map; those registrations are free. */
    readonly ecsRegisteringServices: number;
    /** Cloud Map services with DNS records: without any, nothing is queried in Route 53. */
    readonly dnsServices: number;
    /** Tasks running a Service Connect proxy, by CPU architecture. */
    readonly proxyTasks: Readonly<Record<string, number>>;
    /** Services with Service Connect whose task count is not known until deploy: their proxies are not counted. */
    readonly proxyTasksUnknown: readonly string[];
}

export interface CostLine {
    readonly item: string;
    readonly quantity: number;
    readonly unitUsd: number;
    readonly usd: number;
}

export function billableResourcesOf(graph: ResourceGraph, serviceConnectMembers: readonly ServiceConnectMember[]): BillableResources {
    const proxyTasks: Record<string, number> = {};
    for (const member of serviceConnectMembers.filter((m) => m.tasks !== null)) {
        proxyTasks[member.cpuArchitecture] = (proxyTasks[member.cpuArchitecture] ?? 0) + member.tasks!;
    }
    return {
        hostedZones:
            graph.ofType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").length +
            graph.ofType("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace").length,
        registeredInstances: graph.ofType("aws:servicediscovery/instance:Instance").length,
        ecsRegisteringServices: graph
            .ofType("aws:ecs/service:Service")
            .filter((s) => Array.isArray(s.inputs.serviceRegistries) ? s.inputs.serviceRegistries.length > 0 : s.inputs.serviceRegistries !== undefined)
            .length,
        dnsServices: graph.ofType("aws:servicediscovery/service:Service").filter((s) => s.inputs.dnsConfig !== undefined).length,
        proxyTasks,
        proxyTasksUnknown: serviceConnectMembers.filter((m) => m.tasks === null).map((m) => m.service),
    };
}

/** The monthly bill, line by line; the total is the sum of `usd`. */
export function monthlyCostLines(billable: BillableResources, traffic: Traffic): CostLine[] {
    const line = (item: string, quantity: number, unitUsd: number): CostLine => ({ item, quantity, unitUsd, usd: quantity * unitUsd });
    return [
        line("Route 53 hosted zones (one per DNS namespace)", billable.hostedZones, PRICES_USD.hostedZoneMonth),
        line("Route 53 DNS queries (millions)", billable.dnsServices > 0 ? traffic.dnsQueriesMillions : 0, PRICES_USD.dnsQueriesMillion),
        line("Cloud Map registered instances (non-ECS)", billable.registeredInstances, PRICES_USD.registeredInstanceMonth),
        line("Cloud Map DiscoverInstances calls (millions)", traffic.discoverCallsMillions, PRICES_USD.discoverInstancesMillion),
        ...Object.entries(billable.proxyTasks).sort(([a], [b]) => a.localeCompare(b)).map(([architecture, tasks]) =>
            line(`Service Connect proxies (${architecture} tasks)`, tasks, proxyTaskMonthUsd(architecture))),
    ];
}

/** Sums cost lines, rounded to whole cents. */
export function totalUsd(lines: readonly CostLine[]): number {
    return Math.round(lines.reduce((sum, l) => sum + l.usd, 0) * 100) / 100;
}

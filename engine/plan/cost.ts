import { ResourceGraph } from "../resourceGraph";

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
} as const;

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
}

export interface CostLine {
    readonly item: string;
    readonly quantity: number;
    readonly unitUsd: number;
    readonly usd: number;
}

export function billableResourcesOf(graph: ResourceGraph): BillableResources {
    return {
        hostedZones:
            graph.ofType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").length +
            graph.ofType("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace").length,
        registeredInstances: graph.ofType("aws:servicediscovery/instance:Instance").length,
        ecsRegisteringServices: graph
            .ofType("aws:ecs/service:Service")
            .filter((s) => Array.isArray(s.inputs.serviceRegistries) ? s.inputs.serviceRegistries.length > 0 : s.inputs.serviceRegistries !== undefined)
            .length,
    };
}

/** The monthly bill, line by line; the total is the sum of `usd`. */
export function monthlyCostLines(billable: BillableResources, traffic: Traffic): CostLine[] {
    const line = (item: string, quantity: number, unitUsd: number): CostLine => ({ item, quantity, unitUsd, usd: quantity * unitUsd });
    return [
        line("Route 53 hosted zones (one per DNS namespace)", billable.hostedZones, PRICES_USD.hostedZoneMonth),
        line("Route 53 DNS queries (millions)", traffic.dnsQueriesMillions, PRICES_USD.dnsQueriesMillion),
        line("Cloud Map registered instances (non-ECS)", billable.registeredInstances, PRICES_USD.registeredInstanceMonth),
        line("Cloud Map DiscoverInstances calls (millions)", traffic.discoverCallsMillions, PRICES_USD.discoverInstancesMillion),
    ];
}

/** Sums cost lines, rounded to whole cents. */
export function totalUsd(lines: readonly CostLine[]): number {
    return Math.round(lines.reduce((sum, l) => sum + l.usd, 0) * 100) / 100;
}

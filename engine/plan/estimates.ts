import { CloudMapServiceShape, discoveryStalenessSeconds, stalenessInputOf } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { DEFAULT_CREATION_SECONDS } from "./creationTimes";
import { billableResourcesOf, CostLine, monthlyCostLines, PRICES_USD, totalUsd, Traffic } from "./cost";
import { criticalPath } from "./criticalPath";
import { priceBasis } from "./priceRegion";

export interface Estimates {
    readonly monthlyCostUsd: number;
    readonly costLines: readonly CostLine[];
    readonly criticalPathSeconds: number;
    /** The chain of resources behind `criticalPathSeconds`, first created first. */
    readonly criticalPath: readonly RecordedResource[];
    /** Worst case over the program's Cloud Map services; null when it has none. */
    readonly stalenessSeconds: number | null;
    /** Name of the service with the worst staleness. */
    readonly stalestService?: string;
    /** Every assumption behind the numbers, printed with them. */
    readonly assumptions: readonly string[];
}

/** `region` is the stack's: it decides whose list prices apply (see priceRegion.ts). */
export function estimate(graph: ResourceGraph, traffic: Traffic, region = "us-east-1"): Estimates {
    const billable = billableResourcesOf(graph);
    const costLines = monthlyCostLines(billable, traffic);
    const path = criticalPath(graph.resources);
    const staleness = worstStaleness(graph);
    return {
        monthlyCostUsd: totalUsd(costLines),
        costLines,
        criticalPathSeconds: path.seconds,
        criticalPath: path.path,
        stalenessSeconds: staleness?.seconds ?? null,
        stalestService: staleness?.service,
        assumptions: [
            `${priceBasis(region)}: Route 53 $${PRICES_USD.hostedZoneMonth.toFixed(2)} per hosted zone-month and ` +
                `$${PRICES_USD.dnsQueriesMillion.toFixed(2)} per million queries; Cloud Map $${PRICES_USD.registeredInstanceMonth.toFixed(2)} ` +
                `per registered instance-month and $${PRICES_USD.discoverInstancesMillion.toFixed(2)} per million DiscoverInstances calls.`,
            `${traffic.dnsQueriesMillions} million DNS queries a month (--dns-queries-millions).`,
            `${traffic.discoverCallsMillions} million DiscoverInstances calls a month (--discover-calls-millions).`,
            `Tasks that ECS registers (from the ${billable.ecsRegisteringServices} ECS services with service registries here) are not charged as registered instances.`,
            "Cost covers service discovery only (not compute, NAT, logs or data transfer).",
            "Deploy time: the longest dependency chain, each resource taking its typical creation time " +
                `(engine/plan/creationTimes.ts; ${DEFAULT_CREATION_SECONDS} s for types not listed there), independent resources in parallel.`,
            "Staleness: the DNS TTL resolvers may cache plus the delay before Cloud Map drops a stopped task " +
                "(components/rules/staleness.ts); API-only services have no TTL.",
        ],
    };
}

/** The DNS service whose consumers can keep a dead address longest, and for how long (API-only services have no TTL). */
function worstStaleness(graph: ResourceGraph): { service: string; seconds: number } | undefined {
    let worst: { service: string; seconds: number } | undefined;
    for (const service of graph.ofType("aws:servicediscovery/service:Service")) {
        const input = stalenessInputOf(service.inputs as CloudMapServiceShape);
        const seconds = input === undefined ? undefined : discoveryStalenessSeconds(input);
        if (seconds !== undefined && (worst === undefined || seconds > worst.seconds)) {
            worst = { service: String(service.inputs.name ?? service.name), seconds };
        }
    }
    return worst;
}

import { CloudMapServiceShape, discoveryStalenessSeconds, stalenessInputOf } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { isUnknown } from "../wireProperties";
import { knownNumber, shown } from "./dnsRecords";
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
    /** Worst case over the program's Cloud Map DNS services whose TTLs are known; null when there is none. */
    readonly stalenessSeconds: number | null;
    /** Name of the service with the worst staleness. */
    readonly stalestService?: string;
    /** DNS services left out of the staleness because their TTL is not known until deploy. */
    readonly stalenessUnknownServices: readonly string[];
    /** The AWS regions the stack's resources are in (the prices are us-east-1's). */
    readonly regions: readonly string[];
    /** Every assumption behind the numbers, printed with them. */
    readonly assumptions: readonly string[];
}

/** `regions` are those the stack's resources are in: they decide whose list prices apply (see priceRegion.ts). */
export function estimate(graph: ResourceGraph, traffic: Traffic, regions: readonly string[] = ["us-east-1"]): Estimates {
    const billable = billableResourcesOf(graph);
    const costLines = monthlyCostLines(billable, traffic);
    const path = criticalPath(graph.resources);
    const staleness = worstStaleness(graph);
    return {
        monthlyCostUsd: totalUsd(costLines),
        costLines,
        criticalPathSeconds: path.seconds,
        criticalPath: path.path,
        stalenessSeconds: staleness.worst?.seconds ?? null,
        stalestService: staleness.worst?.service,
        stalenessUnknownServices: staleness.unknown,
        regions: [...regions],
        assumptions: [
            `${priceBasis(regions)}: Route 53 $${PRICES_USD.hostedZoneMonth.toFixed(2)} per hosted zone-month and ` +
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

/**
 * The DNS service whose consumers can keep a dead address longest, and for how long
 * (API-only services have no TTL), and the services whose TTL is not known until deploy.
 */
function worstStaleness(graph: ResourceGraph): { worst?: { service: string; seconds: number }; unknown: string[] } {
    let worst: { service: string; seconds: number } | undefined;
    const unknown: string[] = [];
    for (const service of graph.ofType("aws:servicediscovery/service:Service")) {
        const seconds = stalenessSecondsOf(service);
        const name = shown(service.inputs.name ?? service.name);
        if (seconds === "unknown") {
            unknown.push(name);
        } else if (seconds !== undefined && (worst === undefined || seconds > worst.seconds)) {
            worst = { service: name, seconds };
        }
    }
    return { worst, unknown };
}

/** A service's staleness; undefined without DNS records; "unknown" while a TTL is not a known number. */
function stalenessSecondsOf(service: RecordedResource): number | undefined | "unknown" {
    const dnsConfig = service.inputs.dnsConfig;
    if (isUnknown(dnsConfig)) {
        return "unknown";
    }
    const records = typeof dnsConfig === "object" && dnsConfig !== null ? (dnsConfig as Record<string, unknown>).dnsRecords : undefined;
    if (isUnknown(records)) {
        return "unknown";
    }
    if (!Array.isArray(records)) {
        return undefined;
    }
    const withTtls = records.map((record) => ({ ...(record as Record<string, unknown>), ttl: knownNumber((record as Record<string, unknown> | null)?.ttl) }));
    if (withTtls.some((record) => record.ttl === null)) {
        return "unknown";
    }
    const input = stalenessInputOf({ ...service.inputs, dnsConfig: { ...(dnsConfig as object), dnsRecords: withTtls } } as unknown as CloudMapServiceShape);
    const seconds = input === undefined ? undefined : discoveryStalenessSeconds(input);
    return seconds === undefined || Number.isFinite(seconds) ? seconds : "unknown";
}

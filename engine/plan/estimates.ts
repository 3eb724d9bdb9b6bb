import { CloudMapServiceShape, discoveryStalenessSeconds, SERVICE_CONNECT_PROXY, stalenessInputOf } from "../../components/rules";
import { RecordedResource, ResourceGraph } from "../resourceGraph";
import { isUnknown, KNOWN_AFTER_DEPLOY } from "../wireProperties";
import { knownNumber, shown } from "./dnsRecords";
import { DEFAULT_CREATION_SECONDS } from "./creationTimes";
import { billableResourcesOf, CostLine, monthlyCostLines, PRICES_USD, proxyTaskMonthUsd, totalUsd, Traffic } from "./cost";
import { criticalPath } from "./criticalPath";
import { priceBasis } from "./priceRegion";
import { ServiceConnectPlan } from "./serviceConnect";

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
    /** True when services find each other through Service Connect proxies, which have no DNS TTL. */
    readonly serviceConnect: boolean;
    /** The AWS regions the stack's resources are in (the prices are us-east-1's). */
    readonly regions: readonly string[];
    /** Every assumption behind the numbers, printed with them. */
    readonly assumptions: readonly string[];
}

/** `regions` are those the stack's resources are in: they decide whose list prices apply (see priceRegion.ts). */
export function estimate(graph: ResourceGraph, serviceConnect: ServiceConnectPlan, traffic: Traffic, regions: readonly string[] = ["us-east-1"]): Estimates {
    const billable = billableResourcesOf(graph, serviceConnect.members);
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
        serviceConnect: serviceConnect.members.length > 0,
        regions: [...regions],
        assumptions: [
            `${priceBasis(regions)}: Route 53 $${PRICES_USD.hostedZoneMonth.toFixed(2)} per hosted zone-month and ` +
                `$${PRICES_USD.dnsQueriesMillion.toFixed(2)} per million queries; Cloud Map $${PRICES_USD.registeredInstanceMonth.toFixed(2)} ` +
                `per registered instance-month and $${PRICES_USD.discoverInstancesMillion.toFixed(2)} per million DiscoverInstances calls.`,
            billable.dnsServices > 0
                ? `${traffic.dnsQueriesMillions} million DNS queries a month (--dns-queries-millions).`
                : "No Cloud Map service has DNS records, so no Route 53 queries are counted.",
            `${traffic.discoverCallsMillions} million DiscoverInstances calls a month (--discover-calls-millions).`,
            `Tasks that ECS registers (from the ${billable.ecsRegisteringServices} ECS services with service registries here) are not charged as registered instances.`,
            ...proxyAssumptions(billable.proxyTasks, billable.proxyTasksUnknown),
            "Cost covers service discovery only (not compute apart from Service Connect proxies, NAT, logs or data transfer).",
            "Deploy time: the longest dependency chain, each resource taking its typical creation time " +
                `(engine/plan/creationTimes.ts; ${DEFAULT_CREATION_SECONDS} s for types not listed there), independent resources in parallel.`,
            ...(billable.dnsServices > 0 || serviceConnect.members.length === 0
                ? ["Staleness: the DNS TTL resolvers may cache plus the delay before Cloud Map drops a stopped task " +
                    "(components/rules/staleness.ts); API-only services have no TTL."]
                : []),
            ...(serviceConnect.members.length > 0
                ? ["Service Connect calls have no DNS TTL: ECS sends endpoint changes to the proxies, which also retry failed connections " +
                    "and eject failing tasks (outlier detection); AWS documents no propagation time, so none is estimated."]
                : []),
        ],
    };
}

/** The worst staleness as reports print it, or why there is none. */
export function stalenessText(e: Estimates): string {
    if (e.stalenessSeconds !== null) {
        return `${e.stalenessSeconds} s`;
    }
    if (e.stalenessUnknownServices.length > 0) {
        return KNOWN_AFTER_DEPLOY;
    }
    return e.serviceConnect
        ? "n/a (no Cloud Map DNS services; Service Connect proxies take endpoint changes from ECS, not from DNS with a TTL)"
        : "n/a (no Cloud Map DNS services)";
}

/** How the Service Connect proxies are priced, when there are any. */
function proxyAssumptions(proxyTasks: Readonly<Record<string, number>>, unknown: readonly string[]): string[] {
    if (Object.keys(proxyTasks).length === 0 && unknown.length === 0) {
        return [];
    }
    const { X86_64, ARM64 } = PRICES_USD.fargate;
    return [
        `Service Connect proxies: each task leaves its proxy the ${SERVICE_CONNECT_PROXY.cpu} CPU units and ${SERVICE_CONNECT_PROXY.memoryMiB} MiB AWS recommends ` +
            "(ECS developer guide, \"Service Connect considerations\"), part of the task size Fargate bills: " +
            `$${proxyTaskMonthUsd("X86_64").toFixed(2)} per task-month on X86_64, $${proxyTaskMonthUsd("ARM64").toFixed(2)} on ARM64, at Fargate On-Demand Linux ` +
            `prices for us-east-1 ($${X86_64.vcpuHour} per vCPU-hour and $${X86_64.gbHour} per GB-hour; ARM64 $${ARM64.vcpuHour} and $${ARM64.gbHour}), 730 hours a month. ` +
            "Fargate prices differ by Region and for FARGATE_SPOT.",
        ...(unknown.length > 0 ? [`Proxies of services whose task count is known only after deploy are not counted: ${unknown.join(", ")}.`] : []),
    ];
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

import { FargateCapacityProvider } from "./enums";
import { Finding } from "./finding";
import { itemPath, keyPath } from "./paths";
import { checkWholeNumber, describeValue, isRecord } from "./values";

// CapacityProviderStrategyItem: base 0-100,000 (tasks placed first), weight 0-1,000; at most 6
// providers; only one may define a base. FARGATE_SPOT runs Linux X86_64 tasks only.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
const MAX_PROVIDERS = 6;
const SOURCE = "ECS API, CapacityProviderStrategyItem";

/** Checks a Fargate capacity provider strategy. `cpuArchitecture` is the task's. */
export function checkCapacityProviderStrategy(strategy: unknown, cpuArchitecture: unknown, path: string): Finding[] {
    const rule = "ecs-capacity-provider-strategy";
    if (!Array.isArray(strategy)) {
        return [{ rule, path, message: `${describeValue(strategy)} is not a list of capacity providers.`, fix: "List FARGATE and/or FARGATE_SPOT with their weights." }];
    }
    const items = strategy.map((item: unknown) => (isRecord(item) ? item : {}));
    const findings: Finding[] = [];
    const providers = Object.values(FargateCapacityProvider) as string[];
    if (items.length === 0 || items.length > MAX_PROVIDERS) {
        findings.push({ rule, path, message: `A strategy lists 1 to ${MAX_PROVIDERS} capacity providers; this one lists ${items.length} (${SOURCE}).`, fix: "List FARGATE and/or FARGATE_SPOT." });
    }
    items.forEach((item, i) => {
        const itemAt = itemPath(path, i);
        if (typeof item.capacityProvider !== "string" || !providers.includes(item.capacityProvider)) {
            findings.push({ rule, path: keyPath(itemAt, "capacityProvider"), message: `${describeValue(item.capacityProvider)} is not a Fargate capacity provider (names are case-sensitive).`, fix: "Use FARGATE or FARGATE_SPOT." });
        }
        for (const [key, what, max] of [["weight", "The weight", 1000], ["base", "The base", 100000]] as const) {
            if (item[key] !== undefined) {
                findings.push(...checkWholeNumber(item[key], { min: 0, max }, { rule, what, source: SOURCE, fix: `Use a whole number from 0 to ${max}.` }, keyPath(itemAt, key)));
            }
        }
    });
    const repeated = [...new Set(items.map((s) => s.capacityProvider).filter((p, i, all) => all.indexOf(p) !== i))];
    if (repeated.length > 0) {
        findings.push({ rule, path, message: `${repeated.map(describeValue).join(", ")} appears more than once.`, fix: "List each capacity provider once." });
    }
    if (items.filter((s) => typeof s.base === "number" && s.base > 0).length > 1) {
        findings.push({ rule, path, message: `More than one capacity provider has a base; ECS allows a base on one only (${SOURCE}).`, fix: "Keep the base on one provider (usually FARGATE) and weights on the others." });
    }
    if (items.length > 0 && items.every((s) => !(typeof s.weight === "number" && s.weight > 0))) {
        findings.push({ rule, path, message: "Every weight is 0, so no task beyond the base is ever placed.", fix: "Give at least one provider a weight above 0." });
    }
    if (cpuArchitecture === "ARM64" && items.some((s) => s.capacityProvider === FargateCapacityProvider.FARGATE_SPOT)) {
        findings.push({ rule, path, message: "FARGATE_SPOT runs Linux X86_64 tasks only, and these tasks are ARM64 (ECS developer guide, Fargate capacity providers).", fix: "Use FARGATE alone for ARM64 tasks, or run X86_64 tasks to use FARGATE_SPOT." });
    }
    return findings;
}

import { FargateCapacityProvider } from "./enums";
import { at, Finding } from "./finding";

/** One entry of a capacity provider strategy. */
export interface CapacityProviderStrategyShape {
    readonly capacityProvider?: unknown;
    readonly weight?: unknown;
    readonly base?: unknown;
}

// CapacityProviderStrategyItem: base 0-100,000 (tasks placed first), weight 0-1,000; at most 6
// providers; only one may define a base. FARGATE_SPOT runs Linux X86_64 tasks only.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
const MAX_PROVIDERS = 6;

/** Checks a Fargate capacity provider strategy. `cpuArchitecture` is the task's. */
export function checkCapacityProviderStrategy(strategy: readonly CapacityProviderStrategyShape[], cpuArchitecture: unknown, path: string): Finding[] {
    const rule = "ecs-capacity-provider-strategy";
    const findings: Finding[] = [];
    const providers = Object.values(FargateCapacityProvider) as string[];
    if (strategy.length === 0 || strategy.length > MAX_PROVIDERS) {
        findings.push({ rule, path, message: `A strategy lists 1 to ${MAX_PROVIDERS} capacity providers; this one lists ${strategy.length}.`, fix: "List FARGATE and/or FARGATE_SPOT." });
    }
    strategy.forEach((item, i) => {
        const itemPath = at(path, `[${i}]`);
        if (typeof item.capacityProvider !== "string" || !providers.includes(item.capacityProvider)) {
            findings.push({ rule, path: at(itemPath, "capacityProvider"), message: `${JSON.stringify(item.capacityProvider)} is not a Fargate capacity provider (case-sensitive).`, fix: "Use FARGATE or FARGATE_SPOT." });
        }
        for (const [key, max] of [["weight", 1000], ["base", 100000]] as const) {
            const value = item[key];
            if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max)) {
                findings.push({ rule, path: at(itemPath, key), message: `${JSON.stringify(value)} is not a whole number from 0 to ${max}.`, fix: `Use a whole number from 0 to ${max}.` });
            }
        }
    });
    const seen = strategy.map((s) => s.capacityProvider).filter((p, i, all) => all.indexOf(p) !== i);
    if (seen.length > 0) {
        findings.push({ rule, path, message: `${seen.map((p) => JSON.stringify(p)).join(", ")} appears more than once.`, fix: "List each capacity provider once." });
    }
    if (strategy.filter((s) => typeof s.base === "number" && s.base > 0).length > 1) {
        findings.push({ rule, path, message: "More than one capacity provider has a base; ECS allows a base on one only.", fix: "Keep the base on one provider (usually FARGATE) and weights on the others." });
    }
    if (strategy.length > 0 && strategy.every((s) => (s.weight ?? 0) === 0)) {
        findings.push({ rule, path, message: "Every weight is 0, so no task beyond the base is ever placed.", fix: "Give at least one provider a weight above 0." });
    }
    if (cpuArchitecture === "ARM64" && strategy.some((s) => s.capacityProvider === FargateCapacityProvider.FARGATE_SPOT)) {
        findings.push({ rule, path, message: "FARGATE_SPOT runs Linux X86_64 tasks only, and these tasks are ARM64.", fix: "Use FARGATE alone for ARM64 tasks, or run X86_64 tasks to use FARGATE_SPOT." });
    }
    return findings;
}

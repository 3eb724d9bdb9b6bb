import { CloudMapServiceShape, NamespaceKind, recordTypesOf } from "./cloudMapShapes";
import { at, Finding } from "./finding";

/**
 * Checks the health-check settings of a Cloud Map service.
 *
 * - Route 53 health checks (`healthCheckConfig`) are for public DNS and HTTP namespaces only
 *   (API_HealthCheckConfig): a private DNS namespace rejects them, since Route 53 cannot
 *   probe addresses inside a VPC.
 * - `healthCheckConfig` and `healthCheckCustomConfig` are mutually exclusive (API_CreateService).
 * - A CNAME service cannot have `healthCheckConfig` (API_DnsRecord: InvalidInput).
 * - `healthCheckCustomConfig` without `failureThreshold`: the provider reads back 1 and
 *   plans a replacement of the service on every update, so it must be set explicitly.
 */
export function checkHealthChecks(service: CloudMapServiceShape, namespaceKind?: NamespaceKind, path = ""): Finding[] {
    const findings: Finding[] = [];
    const route53 = service.healthCheckConfig !== undefined;
    const custom = service.healthCheckCustomConfig !== undefined;
    if (route53 && namespaceKind === "private-dns") {
        findings.push({
            rule: "cloudmap-health-check-private-namespace",
            path: at(path, "healthCheckConfig"),
            message: "Route 53 health checks cannot reach instances in a private DNS namespace, and AWS rejects them there.",
            fix: "Remove healthCheckConfig and use healthCheckCustomConfig { failureThreshold: 1 } (ECS reports task health).",
        });
    }
    if (route53 && custom) {
        findings.push({
            rule: "cloudmap-health-check-exclusive",
            path: at(path, "healthCheckConfig"),
            message: "healthCheckConfig and healthCheckCustomConfig cannot both be set.",
            fix: "Keep healthCheckCustomConfig for ECS-managed instances and remove healthCheckConfig.",
        });
    }
    if (route53 && recordTypesOf(service).includes("CNAME")) {
        findings.push({
            rule: "cloudmap-health-check-cname",
            path: at(path, "healthCheckConfig"),
            message: "A CNAME service cannot have a Route 53 health check.",
            fix: "Remove healthCheckConfig or use A/SRV records.",
        });
    }
    if (custom && service.healthCheckCustomConfig?.failureThreshold === undefined) {
        findings.push({
            rule: "cloudmap-health-check-custom-threshold",
            path: at(path, "healthCheckCustomConfig.failureThreshold"),
            message: "healthCheckCustomConfig without failureThreshold makes every update replace the service " +
                "(and deregister its instances).",
            fix: "Set healthCheckCustomConfig: { failureThreshold: 1 } explicitly.",
        });
    }
    return findings;
}

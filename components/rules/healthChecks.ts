import { CloudMapServiceShape, NamespaceKind, recordTypesOf } from "./cloudMapShapes";
import { at, Finding } from "./finding";
import { checkRoute53HealthCheckConfig } from "./route53HealthCheck";

/**
 * Checks the health-check settings of a Cloud Map service.
 *
 * - The Route 53 health check's own settings (type, path, threshold): see
 *   {@link checkRoute53HealthCheckConfig}.
 * - Route 53 health checks (`healthCheckConfig`) are for public DNS and HTTP namespaces only
 *   (API_HealthCheckConfig): a private DNS namespace rejects them, since Route 53 cannot
 *   probe addresses inside a VPC.
 * - `healthCheckConfig` and `healthCheckCustomConfig` are mutually exclusive (API_CreateService).
 * - A CNAME service cannot have `healthCheckConfig` (API_HealthCheckConfig: InvalidInput).
 * - `healthCheckCustomConfig` without `failureThreshold`: the provider reads back 1 and
 *   plans a replacement of the service on every update, so it must be set explicitly.
 */
export function checkHealthChecks(service: CloudMapServiceShape, namespaceKind?: NamespaceKind, path = ""): Finding[] {
    const findings: Finding[] = [];
    const route53 = service.healthCheckConfig !== undefined;
    const custom = service.healthCheckCustomConfig !== undefined;
    const route53Path = at(path, "healthCheckConfig");
    if (route53) {
        findings.push(...checkRoute53HealthCheckConfig(service.healthCheckConfig, route53Path));
    }
    if (route53 && namespaceKind === "private-dns") {
        findings.push({
            rule: "cloudmap-health-check-private-namespace",
            path: route53Path,
            message: "Route 53 health checks cannot reach instances in a private DNS namespace, and AWS rejects them there " +
                "(Cloud Map API, HealthCheckConfig: public DNS and HTTP namespaces only).",
            fix: "Remove the Route 53 health check and let ECS report task health through a custom health check.",
        });
    }
    if (route53 && custom) {
        findings.push({
            rule: "cloudmap-health-check-exclusive",
            path: route53Path,
            message: "A service has either a Route 53 health check or a custom health check, not both (Cloud Map API, CreateService).",
            fix: "Keep the custom health check for instances ECS registers, and remove the Route 53 one.",
        });
    }
    if (route53 && recordTypesOf(service).includes("CNAME")) {
        findings.push({
            rule: "cloudmap-health-check-cname",
            path: route53Path,
            message: "A CNAME service cannot have a Route 53 health check (Cloud Map API, HealthCheckConfig).",
            fix: "Remove the Route 53 health check, or use A or SRV records.",
        });
    }
    if (custom && service.healthCheckCustomConfig?.failureThreshold === undefined) {
        findings.push({
            rule: "cloudmap-health-check-custom-threshold",
            path: at(path, "healthCheckCustomConfig.failureThreshold"),
            message: "The custom health check has no failure threshold, so the provider reads back 1, sees a change and " +
                "replaces the service (deregistering its instances) on every update.",
            fix: "Set the custom health check's failure threshold to 1 explicitly.",
        });
    }
    return findings;
}

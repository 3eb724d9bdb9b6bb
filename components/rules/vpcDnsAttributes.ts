import { Finding } from "./finding";

/**
 * Private DNS namespaces resolve only in a VPC with both DNS attributes on: Route 53 answers
 * private hosted zone queries through the VPC resolver, which needs enableDnsSupport, and
 * Cloud Map requires enableDnsHostnames too ("Creating a private DNS namespace", Cloud Map
 * developer guide; "DNS attributes for your VPC", Amazon VPC user guide).
 * https://docs.aws.amazon.com/cloud-map/latest/dg/creating-namespaces.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html#vpc-dns-support
 * `undefined` means not known, and is not a finding. `paths` name the two attributes where the caller holds them.
 */
export function checkVpcDnsAttributes(
    enableDnsHostnames: unknown,
    enableDnsSupport: unknown,
    paths: { readonly enableDnsHostnames: string; readonly enableDnsSupport: string } = { enableDnsHostnames: "enableDnsHostnames", enableDnsSupport: "enableDnsSupport" },
): Finding[] {
    const off = [
        ...(enableDnsHostnames === false ? [{ path: paths.enableDnsHostnames, what: "DNS hostnames", attribute: "enableDnsHostnames",
            why: " (an awsx VPC leaves DNS hostnames off unless created with { enableDnsHostnames: true })" }] : []),
        ...(enableDnsSupport === false ? [{ path: paths.enableDnsSupport, what: "DNS support", attribute: "enableDnsSupport", why: "" }] : []),
    ];
    return off.map(({ path, what, attribute, why }) => ({
        rule: "cloudmap-namespace-vpc-dns",
        path,
        message: `The VPC has ${what} turned off, so the names of a private DNS namespace do not resolve in it.`,
        fix: `Turn ${attribute} on for the VPC${why}.`,
    }));
}

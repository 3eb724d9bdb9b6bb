/**
 * Whose list prices the cost estimate uses for a stack's region.
 *
 * In the commercial AWS partition the prices the estimate uses do not vary by Region:
 * - Route 53 is a global service with one price list: $0.50 per hosted zone-month (first 25) and
 *   $0.40 per million standard queries (first billion) "in AWS Regions"; only AWS GovCloud (US)
 *   query rates are listed apart (https://aws.amazon.com/route53/pricing/).
 * - AWS Cloud Map's Price List entries (offer AWSCloudMap) carry the same $0.10 per registered
 *   resource-month and $0.000001 per API call in every Region they list
 *   (https://aws.amazon.com/cloud-map/pricing/; AWS Price List API, e.g. eu-south-2, ap-southeast-5).
 * Other partitions (China, AWS GovCloud (US), the isolated Regions) have price lists of their own,
 * which the estimate does not model: there the figures are us-east-1's, and the report says so.
 */

const PARTITIONS: readonly { readonly prefix: RegExp; readonly name: string }[] = [
    { prefix: /^cn-/, name: "China (aws-cn)" },
    { prefix: /^us-gov-/, name: "AWS GovCloud (US) (aws-us-gov)" },
    { prefix: /^[a-z]{2}-iso[a-z]*-/, name: "an isolated AWS partition" },
];

/**
 * The words the estimate's assumptions use for whose prices these are, for the regions the
 * stack's resources are in (explicit providers may put some elsewhere than `aws:region`).
 */
export function priceBasis(regions: readonly string[]): string {
    const outside = regions.flatMap((region) => PARTITIONS.filter((p) => p.prefix.test(region)).map((partition) => ({ region, partition })))[0];
    return outside === undefined
        ? `AWS list prices for ${regions.join(", ")}, the same in every commercial AWS Region (Route 53 is global; Cloud Map charges alike in each Region)`
        : `AWS list prices of us-east-1, not ${outside.region}: ${outside.region} is in ${outside.partition.name}, which has its own price list, not modelled here`;
}

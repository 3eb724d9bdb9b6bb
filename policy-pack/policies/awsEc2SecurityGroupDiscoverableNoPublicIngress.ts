import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { findOpenIngress, IngressShape } from "../../components/rules";
import { isDiscoverableEcsService } from "../lib/discoverable";
import { asBlocks, asNumber, asString, asStrings, Block } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { dependenciesVia, dependentsVia, forEachKnown } from "../lib/stackGraph";
import { isUnknownAt, Undecided } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

/** An inline `ingress` block of aws.ec2.SecurityGroup, or the properties of an aws.ec2.SecurityGroupRule. */
function shapeOf(rule: Block, path: string): IngressShape {
    return { cidrs: [...asStrings(rule.cidrBlocks), ...asStrings(rule.ipv6CidrBlocks)], fromPort: asNumber(rule.fromPort), toPort: asNumber(rule.toPort), path };
}

/** Every ingress permission of a security group: inline `ingress` blocks and separate rule resources. */
function ingressOf(group: PolicyResource, resources: readonly PolicyResource[]): { resource: PolicyResource; ingress: IngressShape[] }[] {
    // `ingress` is optional and computed: a preview sends it unknown when the program declared no
    // inline rules (they then come from the rule resources below), so unknown reads as none.
    const inline = (isUnknownAt(group.props, "ingress") ? [] : asBlocks(group.props.ingress)).map((rule, i) => shapeOf(rule, `ingress[${i}]`));
    const vpcRules = dependentsVia(resources, group, "securityGroupId", TYPES.securityGroupIngressRule).map((rule) => ({
        resource: rule,
        ingress: [{
            cidrs: [asString(rule.props.cidrIpv4), asString(rule.props.cidrIpv6)].filter((c) => c !== undefined),
            fromPort: asNumber(rule.props.fromPort), toPort: asNumber(rule.props.toPort), path: asString(rule.props.cidrIpv4) !== undefined ? "cidrIpv4" : "cidrIpv6",
        }],
    }));
    const ec2Rules = dependentsVia(resources, group, "securityGroupId", TYPES.securityGroupRule)
        .filter((rule) => asString(rule.props.type) === "ingress")
        .map((rule) => ({
            resource: rule,
            ingress: [shapeOf(rule.props, "cidrBlocks")],
        }));
    return [{ resource: group, ingress: inline }, ...vpcRules, ...ec2Rules];
}

// Discoverable services (lib/discoverable.ts: a Cloud Map registry or Service Connect endpoints)
// are reached by their callers inside the VPC; ingress from 0.0.0.0/0 or
// ::/0 makes a task with any public path reachable from everywhere (Amazon VPC user guide,
// "Security group rules": reference security groups instead of CIDRs for internal traffic).
export const awsEc2SecurityGroupDiscoverableNoPublicIngress: StackValidationPolicy = {
    name: "aws-ec2-security-group-discoverable-no-public-ingress",
    description: "Warns when a security group of a discoverable ECS service (registered in Cloud Map or serving Service Connect endpoints) admits 0.0.0.0/0 or ::/0, because internal services should only admit their callers' security groups.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        forEachKnown(args.resources.filter((r) => r.type === TYPES.ecsService), (ecsService) => {
            const undecided = new Undecided();
            if (!isDiscoverableEcsService(ecsService, undecided)) {
                return;
            }
            for (const group of dependenciesVia(ecsService, "networkConfiguration", TYPES.securityGroup)) {
                for (const { resource, ingress } of ingressOf(group, args.resources)) {
                    const findings = findOpenIngress(ingress).map((f) => ({
                        ...f, message: `${f.message} (security group "${group.name}" of discoverable ECS service "${ecsService.name}")`,
                    }));
                    if (findings.length > 0) {
                        undecided.settle(); // open, but whether the service is found by name is not known yet
                    }
                    reportFindings(findings, reportViolation, resource.urn);
                }
            }
        });
    },
};

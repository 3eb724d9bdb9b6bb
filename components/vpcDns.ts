import * as pulumi from "@pulumi/pulumi";
import { checkVpcDnsAttributes, ValidationError } from "./rules";

/** A VPC id with the DNS attributes a private namespace needs, when the caller has them. */
export interface VpcDnsArgs {
    readonly vpcId: pulumi.Input<string>;
    readonly enableDnsHostnames?: pulumi.Input<boolean>;
    readonly enableDnsSupport?: pulumi.Input<boolean>;
}

/**
 * The VPC id, held back until the VPC's DNS attributes are known when the caller gave them:
 * a VPC known to have DNS hostnames or support off fails the run with the fix, before any
 * namespace is created in it. Without the attributes the id is passed through unchanged.
 */
export function vpcIdWithDnsChecked(component: string, name: string, args: VpcDnsArgs): pulumi.Input<string> {
    if (args.enableDnsHostnames === undefined && args.enableDnsSupport === undefined) {
        return args.vpcId;
    }
    return pulumi.all([args.vpcId, args.enableDnsHostnames, args.enableDnsSupport]).apply(([vpcId, hostnames, support]) => {
        const findings = checkVpcDnsAttributes(hostnames, support);
        if (findings.length > 0) {
            throw new ValidationError(component, name, findings);
        }
        return vpcId;
    });
}

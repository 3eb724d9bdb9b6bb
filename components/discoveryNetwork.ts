import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnFindings, ValidationError } from "./rules";
import { checkComponentTags } from "./tagChecks";
import { typeToken } from "./typeToken";

export interface DiscoveryNetworkArgs {
    /** The VPC's /16 block, carved into /20 subnets. Default: "10.0.0.0/16". */
    readonly cidrBlock?: string;
    /**
     * How many availability zones to spread subnets over (one public and one private subnet each).
     * Default: 2.
     */
    readonly availabilityZoneCount?: number;
    /** Tags added to every network resource (each also gets a Name). Default: none. */
    readonly tags?: Record<string, string>;
}

/**
 * A VPC fit for private service discovery: DNS support and DNS hostnames on (a private
 * namespace does not resolve without both), private subnets for tasks, public subnets
 * holding a single NAT gateway so tasks can pull images without public IPs.
 */
export class DiscoveryNetwork extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly publicSubnetIds: pulumi.Output<string>[];
    /**
     * Ids of what must exist before tasks in the private subnets can reach the internet (the
     * private subnets' route table associations, behind which the NAT route sits): Fargate tasks
     * started earlier fail to pull their image. Pass it as `internetConnectivity`; the ids carry
     * the resources they came from, which is what the ECS services wait for.
     */
    readonly internetConnectivity: pulumi.Output<string>[];
    /** Always true: a private namespace needs DNS hostnames. */
    readonly enableDnsHostnames: boolean;
    /** Always true: a private namespace needs DNS support. */
    readonly enableDnsSupport: boolean;

    constructor(name: string, args: DiscoveryNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(typeToken("DiscoveryNetwork"), name, {}, opts);
        const cidr = args.cidrBlock ?? "10.0.0.0/16";
        const zoneCount = args.availabilityZoneCount ?? 2;
        const base = /^(\d{1,3})\.(\d{1,3})\.0\.0\/16$/.exec(cidr);
        throwOnFindings("DiscoveryNetwork", name, [
            ...(base && Number(base[1]) <= 255 && Number(base[2]) <= 255 ? [] : [{
                rule: "network-cidr", path: "cidrBlock",
                message: `"${cidr}" must be a /16 such as "10.0.0.0/16": subnets are carved from it as /20s.`,
                fix: "Pass a /16 block.",
            }]),
            ...(Number.isInteger(zoneCount) && zoneCount >= 1 && zoneCount <= 6 ? [] : [{
                rule: "network-zone-count", path: "availabilityZoneCount",
                message: `${zoneCount} must be a whole number from 1 to 6: each zone gets two /20 subnets of the /16.`,
                fix: "Use 2 or 3.",
            }]),
            ...checkComponentTags(args.tags, ["ec2"], { Name: `${name}-private-0` }),
        ]);
        const prefix = `${base![1]}.${base![2]}`;
        const tags = (role: string) => ({ ...args.tags, Name: `${name}-${role}` });
        const zones = aws.getAvailabilityZonesOutput({ state: "available" }, { parent: this });

        this.enableDnsHostnames = true;
        this.enableDnsSupport = true;
        const vpc = new aws.ec2.Vpc(name, {
            cidrBlock: cidr,
            enableDnsSupport: this.enableDnsSupport,
            enableDnsHostnames: this.enableDnsHostnames,
            tags: tags("vpc"),
        }, { parent: this });
        const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tags("igw") }, { parent: this });
        const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }],
            tags: tags("public"),
        }, { parent: this });

        const publicSubnets: aws.ec2.Subnet[] = [];
        const privateSubnets: aws.ec2.Subnet[] = [];
        for (let i = 0; i < zoneCount; i++) {
            const zone = zones.names.apply((names) => {
                if (names.length < zoneCount) {
                    throw new ValidationError("DiscoveryNetwork", name, [{
                        rule: "network-zone-count", path: "availabilityZoneCount",
                        message: `${zoneCount} zones were asked for, but the region has ${names.length} available (${names.join(", ")}).`,
                        fix: `Use ${names.length} or fewer.`,
                    }]);
                }
                return names[i];
            });
            const pub = new aws.ec2.Subnet(`${name}-public-${i}`, {
                vpcId: vpc.id,
                cidrBlock: `${prefix}.${i * 16}.0/20`,
                availabilityZone: zone,
                mapPublicIpOnLaunch: false,
                tags: tags(`public-${i}`),
            }, { parent: this });
            new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: pub.id, routeTableId: publicRoutes.id }, { parent: this });
            publicSubnets.push(pub);
            privateSubnets.push(new aws.ec2.Subnet(`${name}-private-${i}`, {
                vpcId: vpc.id,
                cidrBlock: `${prefix}.${128 + i * 16}.0/20`,
                availabilityZone: zone,
                tags: tags(`private-${i}`),
            }, { parent: this }));
        }
        // One NAT gateway keeps the cost at a single hourly charge; tasks only need it to pull images and ship logs.
        const eip = new aws.ec2.Eip(`${name}-nat`, { domain: "vpc", tags: tags("nat") }, { parent: this });
        const nat = new aws.ec2.NatGateway(`${name}-nat`, { subnetId: publicSubnets[0].id, allocationId: eip.id, tags: tags("nat") }, { parent: this });
        const privateRoutes = new aws.ec2.RouteTable(`${name}-private`, {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
            tags: tags("private"),
        }, { parent: this });
        this.internetConnectivity = privateSubnets.map((subnet, i) =>
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }, { parent: this }).id);

        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.privateSubnetIds = privateSubnets.map((s) => s.id);
        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds, publicSubnetIds: this.publicSubnetIds });
    }
}

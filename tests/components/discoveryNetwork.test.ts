import * as assert from "assert";
import { DiscoveryNetwork } from "../../components";
import { assertParentedByComponents, assertRejects, graphOf } from "./fixtures";

describe("DiscoveryNetwork", () => {
    it("creates a DNS-enabled VPC, a public and a private /20 per zone, and one NAT gateway for the private route", async () => {
        const graph = await graphOf(() => new DiscoveryNetwork("net", { cidrBlock: "10.20.0.0/16", availabilityZoneCount: 3 }));
        const vpc = graph.one("aws:ec2/vpc:Vpc", "net");
        assert.deepStrictEqual([vpc.inputs.cidrBlock, vpc.inputs.enableDnsSupport, vpc.inputs.enableDnsHostnames], ["10.20.0.0/16", true, true]);
        const subnets = graph.ofType("aws:ec2/subnet:Subnet").map((s) => [s.name, s.inputs.cidrBlock, s.inputs.availabilityZone]);
        assert.deepStrictEqual(subnets.sort(), [
            ["net-private-0", "10.20.128.0/20", "us-east-1a"], ["net-private-1", "10.20.144.0/20", "us-east-1b"], ["net-private-2", "10.20.160.0/20", "us-east-1c"],
            ["net-public-0", "10.20.0.0/20", "us-east-1a"], ["net-public-1", "10.20.16.0/20", "us-east-1b"], ["net-public-2", "10.20.32.0/20", "us-east-1c"],
        ]);
        const nat = graph.one("aws:ec2/natGateway:NatGateway", "net-nat");
        assert.strictEqual(nat.inputs.subnetId, graph.one("aws:ec2/subnet:Subnet", "net-public-0").id);
        assert.deepStrictEqual(graph.one("aws:ec2/routeTable:RouteTable", "net-private").inputs.routes, [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }]);
        assert.strictEqual(graph.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").length, 6);
        assertParentedByComponents(graph);
    });

    it("refuses a block that is not a /16", () =>
        assertRejects(() => new DiscoveryNetwork("net", { cidrBlock: "10.0.0.0/24" }), /DiscoveryNetwork "net" has invalid arguments/, /cidrBlock: "10.0.0.0\/24" must be a \/16/, /Fix: /));
    it("fails the run when the region has fewer zones than asked for, instead of doubling up a zone", () =>
        assertRejects(() => new DiscoveryNetwork("net", { availabilityZoneCount: 4 }),
            /DiscoveryNetwork "net" has invalid arguments/, /availabilityZoneCount: 4 zones were asked for, but the region has 3 available \(us-east-1a, us-east-1b, us-east-1c\)/, /Fix: Use 3 or fewer/));
    it("refuses a zone count outside 1-6", () =>
        assertRejects(() => new DiscoveryNetwork("net", { availabilityZoneCount: 0 }), /availabilityZoneCount: 0 must be a whole number from 1 to 6/, /Fix: /));
});

import * as assert from "assert";
import { runUnderMocks } from "../../engine/runUnderMocks";
import { assertParentedByComponents } from "./fixtures";

const PROGRAM = require.resolve("../../examples/existing-vpc");

describe("existing-VPC example (whole program under mocks)", () => {
    it("plugs the components into the configured VPC, private subnets and cluster", async () => {
        delete require.cache[PROGRAM];
        // A Pulumi program is a module body: loading it is running it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { graph, outputs } = await runUnderMocks(() => require(PROGRAM), {
            project: "existing-vpc",
            config: {
                "existing-vpc:vpcId": "vpc-0e000000000000002",
                "existing-vpc:privateSubnetIds": '["subnet-0a000000000000001", "subnet-0b000000000000002"]',
                "existing-vpc:clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/shared",
            },
        });
        assert.strictEqual(graph.ofType("aws:ec2/vpc:Vpc").length, 0);
        assert.strictEqual(graph.ofType("aws:ecs/cluster:Cluster").length, 0);
        const namespace = graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "payments");
        assert.deepStrictEqual([namespace.inputs.name, namespace.inputs.vpc], ["payments.internal", "vpc-0e000000000000002"]);
        const service = graph.one("aws:ecs/service:Service", "ledger").inputs;
        assert.strictEqual(service.cluster, "arn:aws:ecs:us-east-1:123456789012:cluster/shared");
        assert.deepStrictEqual((service.networkConfiguration as { subnets: string[] }).subnets,
            ["subnet-0a000000000000001", "subnet-0b000000000000002"]);
        assert.strictEqual(outputs.ledgerSrvName, "ledger.payments.internal");
        assertParentedByComponents(graph);
    });
});

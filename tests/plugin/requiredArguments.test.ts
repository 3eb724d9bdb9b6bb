import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService, DiscoverableFargateServiceArgs, DiscoverableService, RegisteredResource } from "../../components";
import { assertRejects } from "../components/fixtures";

/**
 * What a program in another language can hand a constructor through Construct and TypeScript
 * cannot: nulls, holes in lists, an Output where a plain list is expected. Checked in-process for
 * every component that reads into such arguments (componentProvider.test.ts proves the same
 * errors reach the gRPC caller).
 */

// Values as the provider hands them over: JSON nulls and Outputs where the types promise otherwise.
const asIs = <T>(value: unknown): T => value as T;

const SERVICE = {
    name: "order-processor", namespaceName: "quickship.local",
    serviceArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-fedcba9876543210",
};
const FARGATE_ARGS: DiscoverableFargateServiceArgs = {
    discovery: SERVICE, vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0a1b2c3d4e5f60718"], container: { image: "nginx:1.27", port: 8080 },
};

describe("arguments only another language can send", () => {
    it("DiscoverableFargateService names a missing container, with what to pass", async () => {
        await assertRejects(() => new DiscoverableFargateService("orders", { ...FARGATE_ARGS, discovery: asIs(null), container: asIs(undefined) }),
            /container: Required, but nothing was given\. Fix: Pass the container to run: \{ image, port \}/);
    });

    it("DiscoverableFargateService takes a null discovery service as none, and then needs Service Connect", async () => {
        await assertRejects(() => new DiscoverableFargateService("orders", { ...FARGATE_ARGS, discovery: asIs(null) }),
            /discovery: Neither a Cloud Map service for DNS discovery nor Service Connect was given/);
    });

    it("DiscoverableFargateService names each hole in talksTo and reads", async () => {
        await assertRejects(() => new DiscoverableFargateService("orders", { ...FARGATE_ARGS, talksTo: asIs([null]), reads: asIs([{ service: SERVICE }, "user-auth-db"]) }),
            /talksTo\[0\]: null is not an object/, /reads\[1\]: "user-auth-db" is not an object/);
    });

    it("DiscoverableFargateService refuses an Output of a list, which it must read at construction", async () => {
        await assertRejects(() => new DiscoverableFargateService("orders", { ...FARGATE_ARGS, talksTo: asIs(pulumi.output([])) }),
            /talksTo: Must be a list whose entries are known when the component is built, not an Output/);
    });

    it("DiscoverableService names a null namespace", async () => {
        await assertRejects(() => new DiscoverableService("orders", { name: "order-processor", namespace: asIs(null) }),
            /DiscoverableService "orders" has invalid arguments/, /namespace: Required, but null was given/);
    });

    it("RegisteredResource names a null service", async () => {
        await assertRejects(() => new RegisteredResource("user-auth-db", { service: asIs(null), instanceId: "user-auth-table", attributes: { tablename: "UserAuth" } }),
            /RegisteredResource "user-auth-db" has invalid arguments/, /service: Required, but null was given/);
    });
});

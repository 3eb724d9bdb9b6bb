import * as pulumi from "@pulumi/pulumi";
import { connect, DiscoverableFargateService, DiscoverableService, NamespaceRef, PrivateDnsNamespace } from "@quickship/cloudmap-discovery";

const config = new pulumi.Config("shop");
const vpcId = config.require("vpcId"); // DNS support and DNS hostnames on
const subnetIds = config.requireObject<string[]>("privateSubnetIds");
const cluster = { arn: config.require("clusterArn") };

const namespace = new PrivateDnsNamespace("shop", { name: "shop.internal", vpcId });
// A PrivateDnsNamespace is a NamespaceRef itself; this is the same reference from its outputs,
// as another stack would rebuild it from exported ids.
const shop: NamespaceRef = { name: namespace.name, namespaceId: namespace.namespaceId, namespaceArn: namespace.namespaceArn, kind: namespace.kind };

const catalog = new DiscoverableFargateService("catalog", {
    discovery: new DiscoverableService("catalog", { name: "catalog", namespace: shop }), // SRV, TTL 10, MULTIVALUE, ECS health
    cluster,
    vpcId,
    subnetIds,
    container: { image: "registry.example.com/shop/catalog:1.4.2", port: 8080 },
});

const checkout = new DiscoverableFargateService("checkout", {
    discovery: new DiscoverableService("checkout", { name: "checkout", namespace: shop }),
    cluster,
    vpcId,
    subnetIds,
    container: { image: "registry.example.com/shop/checkout:2.0.0", port: 8080 },
    // catalog's security group admits checkout's on 8080, checkout's task role may DiscoverInstances
    // on catalog only, and its container gets CATALOG_SRV_NAME and CATALOG_PORT.
    talksTo: [catalog],
});

// catalog calls checkout back (a cycle): declared once both exist, in the same step as the services.
connect(catalog, checkout);

// { CHECKOUT_SRV_NAME: "checkout.shop.internal", CHECKOUT_PORT: "8080" }
export const catalogEnvironment = catalog.discoveryEnvironment;

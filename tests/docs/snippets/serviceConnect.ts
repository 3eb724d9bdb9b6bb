import * as pulumi from "@pulumi/pulumi";
import { DiscoverableFargateService, HttpNamespace } from "@quickship/cloudmap-discovery";

const config = new pulumi.Config("payments");
const placement = {
    cluster: { arn: config.require("clusterArn") },
    vpcId: config.require("vpcId"),
    subnetIds: config.requireObject<string[]>("privateSubnetIds"),
};

// An HTTP namespace: no hosted zone, names only Service Connect tasks (and DiscoverInstances) see.
const namespace = new HttpNamespace("payments", { name: "payments" });

const ledger = new DiscoverableFargateService("ledger", {
    // Serves http://ledger:8080; the proxy retries and times out per request on an HTTP port.
    serviceConnect: { namespace, name: "ledger", appProtocol: "http", perRequestTimeoutSeconds: 10 },
    ...placement,
    container: { image: "registry.example.com/payments/ledger:3.1.0", port: 8080 },
});

new DiscoverableFargateService("api", {
    serviceConnect: { namespace, name: "api", server: false }, // a client only
    ...placement,
    container: { image: "registry.example.com/payments/api:5.0.2", port: 8080 },
    // ledger's security group admits api's on 8080; LEDGER_URL=http://ledger:8080; no DiscoverInstances grant.
    talksTo: [ledger],
});

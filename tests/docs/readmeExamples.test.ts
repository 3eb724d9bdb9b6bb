import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    connect, DiscoverableFargateService, DiscoverableFargateServiceArgs, DiscoverableService, DnsRecordType, PrivateDnsNamespace, ServicePeer,
} from "../../components";
import { ProgramRun, runUnderMocks } from "../../engine/runUnderMocks";
import { RecordedResource } from "../../engine/resourceGraph";
import { ROOT } from "./argumentTables";

/**
 * README's code against the code: every TypeScript block in its component part is a file that
 * `tsc --noEmit` checks (a snippet in tests/docs/snippets/, or an excerpt of an example), the
 * snippets do what the README says when run under the AWS mocks, and the error messages it
 * quotes are the ones the components throw.
 */

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
/** The component part of the README (the sections before it document the engine). */
const COMPONENT_PART = README.slice(README.indexOf("## What is in the box"));
const SNIPPETS = path.join(__dirname, "snippets");

function typeScriptBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1].trim());
}

function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith(".ts") ? [full] : [];
    });
}

/** Runs a snippet as a Pulumi program under the mocks, requiring it afresh so its top-level code declares its resources again. */
function runSnippet(name: string, config: Record<string, string>): Promise<ProgramRun> {
    const file = require.resolve(path.join(SNIPPETS, name));
    return runUnderMocks(() => {
        delete require.cache[file];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(file);
    }, { config: { "aws:region": "us-east-1", ...config } });
}

/** The environment of a task definition's one container, as a map. */
function environmentOf(taskDefinition: RecordedResource): Record<string, string> {
    const [container] = JSON.parse(String(taskDefinition.inputs.containerDefinitions));
    return Object.fromEntries(container.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
}

/** The message a program throws while it is built, or a failure if it builds. */
async function errorOf(program: () => void): Promise<string> {
    try {
        await runUnderMocks(program);
    } catch (err) {
        return (err as Error).message;
    }
    return assert.fail("the program was expected to be refused");
}

const PLACEMENT = {
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shop" },
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
};

/** The config keys a snippet reads its VPC, subnets and cluster from, under its config namespace. */
function placementConfig(namespace: string): Record<string, string> {
    return {
        [`${namespace}:vpcId`]: PLACEMENT.vpcId,
        [`${namespace}:privateSubnetIds`]: JSON.stringify(PLACEMENT.subnetIds),
        [`${namespace}:clusterArn`]: PLACEMENT.cluster.arn,
    };
}

describe("README: code blocks and quoted errors match the components", () => {
    it("quotes every TypeScript block from a file npm test type-checks: a snippet of tests/docs/snippets, or an example", () => {
        const blocks = typeScriptBlocks(COMPONENT_PART);
        assert.ok(blocks.length >= 5, `the component part has its TypeScript blocks (found ${blocks.length})`);
        const snippets = filesUnder(SNIPPETS).map((f) => fs.readFileSync(f, "utf8").trim());
        const examples = filesUnder(path.join(ROOT, "examples")).map((f) => fs.readFileSync(f, "utf8"));
        const unmatched = blocks.filter((block) => !snippets.includes(block) && !examples.some((example) => example.includes(block)));
        assert.deepStrictEqual(unmatched.map((block) => block.split("\n")[0]), [], "blocks (first lines) that are neither a snippet nor an excerpt of an example");
        const unquoted = filesUnder(SNIPPETS).filter((f) => !blocks.includes(fs.readFileSync(f, "utf8").trim()));
        assert.deepStrictEqual(unquoted.map((f) => path.basename(f)), [], "every snippet is quoted in full");
    });

    describe("Using the components: a call and a cycle", () => {
        let run: ProgramRun;
        before(async () => {
            run = await runSnippet("usingTheComponents", placementConfig("shop"));
        });

        it("admits each direction of the cycle from exactly the caller's security group, on 8080", () => {
            const sg = (service: string) => run.graph.one("aws:ec2/securityGroup:SecurityGroup", `${service}-sg`).id;
            const ingress = run.graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .map((r) => [r.name, r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort]);
            assert.deepStrictEqual(ingress.sort(), [
                ["catalog-to-checkout-ingress", sg("checkout"), sg("catalog"), 8080, 8080],
                ["checkout-to-catalog-ingress", sg("catalog"), sg("checkout"), 8080, 8080],
            ]);
        });

        it("gives each container the other's names, as the comments say", () => {
            const task = (service: string) => run.graph.one("aws:ecs/taskDefinition:TaskDefinition", `${service}-task`);
            assert.deepStrictEqual(environmentOf(task("checkout")), { CATALOG_SRV_NAME: "catalog.shop.internal", CATALOG_PORT: "8080" });
            assert.deepStrictEqual(run.outputs.catalogEnvironment, { CHECKOUT_SRV_NAME: "checkout.shop.internal", CHECKOUT_PORT: "8080" });
        });

        it("grants DiscoverInstances on the callee only, by ARN and name", () => {
            const grants = run.graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-discover"));
            assert.deepStrictEqual(grants.map((p) => p.name).sort(), ["catalog-to-checkout-discover", "checkout-to-catalog-discover"]);
            const [statement] = JSON.parse(String(grants.find((p) => p.name === "checkout-to-catalog-discover")!.inputs.policy)).Statement;
            assert.deepStrictEqual(statement.Resource, [
                run.graph.one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "shop").outputs.arn,
                run.graph.one("aws:servicediscovery/service:Service", "catalog").outputs.arn,
            ]);
            assert.deepStrictEqual(statement.Condition.StringEquals, { "servicediscovery:NamespaceName": ["shop.internal"], "servicediscovery:ServiceName": ["catalog"] });
        });
    });

    describe("Services you did not build: another stack's services by ids, and a raw ECS service", () => {
        const CONFIG = {
            "checkout:namespaceId": "ns-0123456789abcdef",
            "checkout:namespaceArn": "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef",
            ...placementConfig("checkout"),
            "checkout:ledgerSecurityGroupId": "sg-0aaaaaaaaaaaaaaaa",
            "checkout:ledgerServiceArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0aaaaaaaaaaaaaaa",
            "checkout:reconcilerSecurityGroupId": "sg-0bbbbbbbbbbbbbbbb",
            "checkout:reconcilerTaskRoleArn": "arn:aws:iam::123456789012:role/batch/reconciler-task",
            "checkout:legacyTaskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7",
        };
        let run: ProgramRun;
        before(async () => {
            run = await runSnippet("servicesYouDidNotBuild", CONFIG);
        });

        it("admits checkout at ledger's group, reconciler at checkout's, and checkout at the raw service's own group", () => {
            const checkoutSg = run.graph.one("aws:ec2/securityGroup:SecurityGroup", "checkout-sg").id;
            const legacySg = run.graph.one("aws:ec2/securityGroup:SecurityGroup", "legacy").id;
            const ingress = run.graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .map((r) => [r.name, r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort]);
            assert.deepStrictEqual(ingress.sort(), [
                ["checkout-to-ledger-ingress", CONFIG["checkout:ledgerSecurityGroupId"], checkoutSg, 8080],
                ["checkout-to-legacy-ingress", legacySg, checkoutSg, 7000],
                ["reconciler-to-checkout-ingress", checkoutSg, CONFIG["checkout:reconcilerSecurityGroupId"], 8080],
            ]);
        });

        it("attaches the reconciler's grant to its role by name, and gives checkout both callees' names", () => {
            const grant = run.graph.one("aws:iam/rolePolicy:RolePolicy", "reconciler-to-checkout-discover");
            assert.strictEqual(grant.inputs.role, "reconciler-task");
            assert.deepStrictEqual(environmentOf(run.graph.one("aws:ecs/taskDefinition:TaskDefinition", "checkout-task")), {
                LEDGER_SRV_NAME: "ledger.payments.internal", LEDGER_PORT: "8080", LEGACY_SRV_NAME: "legacy.payments.internal", LEGACY_PORT: "7000",
            });
            const registries = run.graph.one("aws:ecs/service:Service", "legacy").inputs.serviceRegistries as Record<string, unknown>;
            assert.deepStrictEqual({ ...registries, registryArn: undefined }, { registryArn: undefined, containerName: "app", containerPort: 7000 });
        });
    });

    describe("DNS or Service Connect: the Service Connect snippet", () => {
        let run: ProgramRun;
        before(async () => {
            run = await runSnippet("serviceConnect", placementConfig("payments"));
        });

        it("serves ledger at http://ledger:8080 in the HTTP namespace and makes api a client only", () => {
            const configuration = (name: string) => run.graph.one("aws:ecs/service:Service", name).inputs.serviceConnectConfiguration as Record<string, unknown>;
            const namespaceArn = run.graph.one("aws:servicediscovery/httpNamespace:HttpNamespace", "payments").outputs.arn;
            const [ledger] = configuration("ledger").services as Record<string, unknown>[];
            assert.strictEqual(configuration("ledger").namespace, namespaceArn);
            assert.deepStrictEqual([ledger.portName, ledger.discoveryName, ledger.clientAlias, ledger.timeout],
                ["ledger", "ledger", [{ port: 8080, dnsName: "ledger" }], { perRequestTimeoutSeconds: 10 }]);
            assert.strictEqual(configuration("api").services, undefined);
        });

        it("gives api the alias, the security group rule on 8080, and no DiscoverInstances grant", () => {
            assert.deepStrictEqual(environmentOf(run.graph.one("aws:ecs/taskDefinition:TaskDefinition", "api-task")),
                { LEDGER_URL: "http://ledger:8080", LEDGER_HOST: "ledger", LEDGER_PORT: "8080" });
            assert.deepStrictEqual(run.graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [r.name, r.inputs.fromPort]), [["api-to-ledger-ingress", 8080]]);
            assert.deepStrictEqual(run.graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-discover")), []);
            assert.deepStrictEqual(["cpu", "memory"].map((k) => run.graph.one("aws:ecs/taskDefinition:TaskDefinition", "ledger-task").inputs[k]), ["512", "1024"]);
        });
    });

    describe("quotes the errors the components throw, word for word", () => {
        const shop = () => new PrivateDnsNamespace("shop", { name: "shop.internal", vpcId: PLACEMENT.vpcId });
        const service = (name: string, extra: Partial<DiscoverableFargateServiceArgs> = {}) => new DiscoverableFargateService(name, {
            ...PLACEMENT,
            discovery: new DiscoverableService(name, { name, namespace: shop() }),
            container: { image: "registry.example.com/shop/app:1.0.0", port: 8080 },
            ...extra,
        });
        const cases: Record<string, () => void> = {
            "a Route 53 health check in a private namespace": () => {
                new DiscoverableService("inventory", { name: "inventory", namespace: shop(), route53HealthCheck: { type: "HTTP" } });
            },
            "a call declared twice": () => {
                const catalog = service("catalog");
                connect(service("checkout", { talksTo: [catalog] }), catalog);
            },
            "a service calling itself": () => {
                const catalog = service("catalog");
                connect(catalog, catalog);
            },
            "a DNS caller of a Service Connect callee": () => {
                const catalog = new DiscoverableFargateService("catalog", {
                    ...PLACEMENT, serviceConnect: { namespace: shop(), name: "catalog" }, container: { image: "registry.example.com/shop/app:1.0.0", port: 8080 },
                });
                service("checkout", { talksTo: [catalog] });
            },
            "a record type in the wrong case, from another language": () => {
                new DiscoverableService("catalog", { name: "catalog", namespace: shop(), dnsRecordTypes: ["srv" as DnsRecordType] });
            },
            "a null peer, from another language": () => {
                service("checkout", { talksTo: [null as unknown as ServicePeer] });
            },
        };
        for (const [name, program] of Object.entries(cases)) {
            it(name, async () => {
                const message = await errorOf(program);
                assert.match(message, /\[rule [a-z0-9-]+\]$/, "the message ends with its rule id");
                assert.ok(COMPONENT_PART.includes(message), `README.md quotes this message:\n${message}`);
            });
        }
    });
});

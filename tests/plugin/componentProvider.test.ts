import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as components from "../../components";
import { DiscoverableFargateService, QuickShipTopology } from "../../components";
import {
    CpuArchitecture, DnsRecordType, FargateCapacityProvider, HealthReporting, NamespaceKind, PolicyEffect, Route53HealthCheckType, RoutingPolicy,
} from "../../components/rules/enums";
import { ProgramRun, runUnderMocks } from "../../engine/runUnderMocks";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";
import { graphDifferences } from "./graphComparison";
import { runYamlProgram } from "./yamlProgram";
import {
    configureDefaultProvider, construct, Constructed, getPluginVersion, getSchema, PackageSchema, PropertySchema,
} from "./harness/engineCalls";
import { grpc } from "./harness/grpc";
import { InTestEngine } from "./harness/inTestEngine";
import { PluginHost, startPluginHost } from "./harness/pluginHost";
import { outputValue } from "./harness/propertyValues";

/**
 * The components as Python, Go, C# and YAML programs use them: the package is started as a
 * provider exactly as the engine starts a Node.js source-based component package, asked for its
 * schema, and asked to Construct components from plain data against an in-test engine. One host
 * and one GetSchema (schema inference reads the whole TypeScript program, ~15 s) serve every test.
 */

const PACKAGE_DIR = path.resolve(__dirname, "../..");
const PACKAGE = "cloudmap-discovery";
const token = (name: string): string => `${PACKAGE}:index:${name}`;
/** What a Python program's `pulumi up` would tell the provider about itself. */
const DEPLOYMENT = { project: "quickship-py", stack: "dev", config: { "aws:region": "us-east-1" } };

/** The components issue 14 names; any further ComponentResource the package exports must be in the schema too. */
const COMPONENTS = [
    "PrivateDnsNamespace", "HttpNamespace", "DiscoverableService", "DiscoverableFargateService",
    "ServiceEdge", "RegisteredResource", "DiscoveryNetwork", "QuickShipTopology",
];
const ENUMS: Record<string, Record<string, string>> = {
    DnsRecordType, RoutingPolicy, NamespaceKind, HealthReporting, Route53HealthCheckType, CpuArchitecture, FargateCapacityProvider, PolicyEffect,
};

// A service another team built, as a Python program would describe it: plain strings, no instances.
const VPC_ID = "vpc-0a1b2c3d4e5f60718";
const SUBNET_IDS = ["subnet-0a1b2c3d4e5f60718", "subnet-1b2c3d4e5f6071829"];
const CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/quickship";
const NAMESPACE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef";
const INVENTORY_MANAGER = {
    name: "inventory-manager", namespaceName: "quickship.local", namespaceArn: NAMESPACE_ARN,
    serviceArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef",
};
const ORDER_PROCESSOR = {
    name: "order-processor", namespaceName: "quickship.local", namespaceArn: NAMESPACE_ARN,
    serviceArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-fedcba9876543210",
};
/**
 * The callee's security group, which the consuming program creates itself (inputs as @pulumi/aws
 * sends `new SecurityGroup(name, { vpcId })`) and passes on as an Output.
 */
const CALLEE_SG = { type: "aws:ec2/securityGroup:SecurityGroup", name: "inventory-manager-sg", inputs: { vpcId: VPC_ID, description: "Managed by Pulumi" } };
const ORDER_PROCESSOR_ARGS = {
    discovery: ORDER_PROCESSOR,
    cluster: { arn: CLUSTER_ARN },
    vpcId: VPC_ID,
    subnetIds: SUBNET_IDS,
    container: { image: "public.ecr.aws/docker/library/nginx:1.27-alpine", port: 8080 },
};

describe("component provider: the components from Python, Go, C# and YAML", function () {
    this.timeout(120_000);
    let programDir: string | undefined;
    let engine: InTestEngine;
    let host: PluginHost | undefined;
    let schema: PackageSchema;
    let quickshipInTypeScript: ProgramRun;
    let orderProcessorInTypeScript: ProgramRun;

    before(async () => {
        const { main } = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { main: string };
        if (!fs.existsSync(path.join(PACKAGE_DIR, main))) {
            assert.fail(`${main} is missing: the provider host loads the compiled package; run "npm run build" (npm test does) first`);
        }
        programDir = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-program-"));
        engine = await InTestEngine.start(DEPLOYMENT);
        host = await startPluginHost({
            packageDir: PACKAGE_DIR, engineAddress: engine.address, programDir, project: DEPLOYMENT.project, config: DEPLOYMENT.config,
        });
        // The host infers the schema while this process builds the same graphs through the TypeScript API
        // (one program at a time: in-process runs share the SDK's global state).
        const typescriptGraphs = async (): Promise<void> => {
            quickshipInTypeScript = await inTypeScript(() => publicFields(new QuickShipTopology("quickship", {})));
            orderProcessorInTypeScript = await inTypeScript(() => {
                const calleeSg = new aws.ec2.SecurityGroup(CALLEE_SG.name, { vpcId: VPC_ID });
                return publicFields(new DiscoverableFargateService("order-processor", {
                    ...ORDER_PROCESSOR_ARGS,
                    talksTo: [{ securityGroupId: calleeSg.id, port: 80, discovery: INVENTORY_MANAGER }],
                }));
            });
        };
        [schema] = await Promise.all([getSchema(host), typescriptGraphs()]);
        await configureDefaultProvider(host, engine, PACKAGE, await getPluginVersion(host));
    });

    after(async () => {
        await host?.stop();
        await engine?.stop();
        if (programDir !== undefined) {
            fs.rmSync(programDir, { recursive: true, force: true });
        }
    });

    describe("GetSchema", () => {
        it("describes every component under its cloudmap-discovery:index token, with a description", () => {
            const exported = Object.entries(components)
                .filter(([, value]) => typeof value === "function" && value.prototype instanceof pulumi.ComponentResource)
                .map(([name]) => name);
            for (const name of new Set([...COMPONENTS, ...exported])) {
                const resource = schema.resources[token(name)];
                assert.ok(resource, `${token(name)} is in the schema`);
                assert.strictEqual(resource.isComponent, true, name);
                assert.ok((resource.description ?? "").length > 20, `${name} has a description`);
            }
            assert.deepStrictEqual(Object.keys(schema.resources).sort(), [...new Set([...COMPONENTS, ...exported])].map(token).sort());
            assert.strictEqual(schema.name, PACKAGE);
        });

        it("turns the const-object enums into schema enums with the values the code accepts", () => {
            for (const [name, values] of Object.entries(ENUMS)) {
                const type = schema.types[token(name)];
                assert.ok(type?.enum, `${name} is a schema enum`);
                assert.strictEqual(type.type, "string");
                assert.deepStrictEqual(type.enum.map((m) => m.value).sort(), Object.values(values).sort(), name);
            }
            assert.deepStrictEqual(inputOf("DiscoverableService", "dnsRecordTypes").items, { $ref: `#/types/${token("DnsRecordType")}`, plain: true });
            assert.strictEqual(inputOf("DiscoverableService", "routingPolicy").$ref, `#/types/${token("RoutingPolicy")}`);
            assert.strictEqual(inputOf("DiscoverableFargateService", "cpuArchitecture").$ref, `#/types/${token("CpuArchitecture")}`);
        });

        it("types inputs as plain values or Inputs, as the constructors read them", () => {
            // Validated at construction, so plain: another language must pass known values.
            assert.deepStrictEqual(pick(inputOf("DiscoverableFargateService", "discovery"), "$ref", "plain"), { $ref: `#/types/${token("CloudMapServiceRef")}`, plain: true });
            assert.deepStrictEqual(pick(inputOf("DiscoverableFargateService", "talksTo"), "type", "items", "plain"),
                { type: "array", items: { $ref: `#/types/${token("ServicePeer")}`, plain: true }, plain: true });
            assert.deepStrictEqual(pick(inputOf("QuickShipTopology", "port"), "type", "plain"), { type: "number", plain: true });
            // Passed through to AWS resources, so an Output from another resource is welcome.
            assert.deepStrictEqual(pick(inputOf("DiscoverableFargateService", "vpcId"), "type", "plain"), { type: "string" });
            assert.deepStrictEqual(pick(inputOf("DiscoverableFargateService", "subnetIds"), "type", "items", "plain"), { type: "array", items: { type: "string" } });
            assert.strictEqual(inputOf("QuickShipTopology", "inventoryManagerImage").plain, undefined);
            assert.strictEqual(schema.types[token("ServicePeer")].properties!.securityGroupId.plain, undefined, "a peer's security group may be an Output");
        });

        it("lists the required inputs", () => {
            const required = Object.fromEntries(COMPONENTS.map((name) => [name, [...(schema.resources[token(name)].requiredInputs ?? [])].sort()]));
            assert.deepStrictEqual(required, {
                PrivateDnsNamespace: ["name", "vpcId"],
                HttpNamespace: ["name"],
                DiscoverableService: ["name", "namespace"],
                DiscoverableFargateService: ["container", "subnetIds", "vpcId"],
                ServiceEdge: ["callee", "caller"],
                RegisteredResource: ["attributes", "instanceId", "service"],
                DiscoveryNetwork: [],
                QuickShipTopology: [],
            });
        });

        it("types every output as plain data, none named id, no component instances", () => {
            for (const [name, resource] of Object.entries(schema.resources)) {
                assert.strictEqual(resource.properties.id, undefined, `${name} has no output named id (the engine would never return it)`);
                for (const [output, property] of Object.entries(resource.properties)) {
                    assert.ok(property.type !== undefined || property.$ref?.startsWith("#/types/"), `${name}.${output} is typed: ${JSON.stringify(property)}`);
                }
            }
            const everyRef = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
            assert.deepStrictEqual(everyRef.filter((ref) => ref.includes("#/resources/")), [], "no reference to a resource: only plain data crosses languages");
            assert.strictEqual(outputOf("DiscoverableFargateService", "securityGroupId").type, "string");
            assert.strictEqual(outputOf("QuickShipTopology", "inventoryManager").$ref, `#/types/${token("QuickShipService")}`);
            assert.strictEqual(outputOf("QuickShipTopology", "userAuthDb").$ref, `#/types/${token("ReadableResource")}`);
        });

        it("describes the plain-data references another language passes instead of component instances", () => {
            const shapes: Record<string, string[]> = {
                ServicePeer: ["securityGroupId"],
                CloudMapServiceRef: ["name", "namespaceName", "serviceArn"],
                NamespaceRef: ["name", "namespaceId"],
                ReadableResource: ["service"],
                ExistingNetwork: ["privateSubnetIds", "vpcId"],
                ClusterRef: ["arn"],
            };
            for (const [name, required] of Object.entries(shapes)) {
                const type = schema.types[token(name)];
                assert.strictEqual(type?.type, "object", `${name} is an object type`);
                assert.deepStrictEqual([...(type.required ?? [])].sort(), required, `${name} required properties`);
            }
            assert.deepStrictEqual(Object.keys(schema.types[token("ServicePeer")].properties!).sort(),
                ["discovery", "port", "securityGroupId", "serviceConnect", "serviceConnectNamespace", "taskRoleArn", "taskRoleName"]);
            assert.strictEqual(schema.types[token("ServicePeer")].properties!.discovery.$ref, `#/types/${token("CloudMapServiceRef")}`);
        });

        it("documents every input of every component", () => {
            const undocumented = Object.entries(schema.resources).flatMap(([name, resource]) =>
                Object.entries(resource.inputProperties).filter(([, p]) => !p.description?.trim()).map(([input]) => `${name}.${input}`));
            assert.deepStrictEqual(undocumented, []);
            assert.match(inputOf("QuickShipTopology", "port").description!, /Default: 80/);
        });
    });

    describe("Construct", () => {
        it("builds QuickShipTopology from plain JSON arguments exactly as the TypeScript API does", async () => {
            const built = await construct(host!, engine, {
                type: token("QuickShipTopology"),
                name: "quickship",
                // The defaults the README and schema state, spelled out as JSON from another language.
                inputs: { namespaceName: "quickship.local", environment: "prod", port: 80, desiredCount: 2, ttlSeconds: 10, userAuthTableName: "UserAuth" },
            });
            assert.strictEqual(built.urn, `urn:pulumi:dev::quickship-py::${token("QuickShipTopology")}::quickship`);
            assert.deepStrictEqual(graphDifferences(quickshipInTypeScript.graph.resources, built.resources), []);
            assert.strictEqual(built.resources.filter((r) => r.custom).length, quickshipInTypeScript.graph.resources.filter((r) => r.custom).length);
            assertStateMatches(built, quickshipInTypeScript, "QuickShipTopology");
            assert.strictEqual((built.state.inventoryManager as { address: string }).address, "inventory-manager.quickship.local");
        });

        it("builds DiscoverableFargateService with a plain-data peer whose security group is an Output of the caller's program", async () => {
            const calleeSg = await engine.registerProgramResource(CALLEE_SG.type, CALLEE_SG.name, CALLEE_SG.inputs);
            const built = await construct(host!, engine, {
                type: token("DiscoverableFargateService"),
                name: "order-processor",
                inputs: {
                    ...ORDER_PROCESSOR_ARGS,
                    talksTo: [{ securityGroupId: outputValue(calleeSg.id, [calleeSg.urn]), port: 80, discovery: INVENTORY_MANAGER }],
                },
                inputDependencies: { talksTo: [calleeSg.urn] },
            });
            const typescript = withoutProgramResources(orderProcessorInTypeScript.graph.resources);
            assert.deepStrictEqual(graphDifferences(typescript, built.resources), []);
            assertStateMatches(built, orderProcessorInTypeScript, "DiscoverableFargateService");

            const graph = new ResourceGraph(built.resources);
            const service = graph.one(token("DiscoverableFargateService"), "order-processor");
            const edge = graph.one(token("ServiceEdge"), "order-processor-to-inventory-manager");
            assert.strictEqual(edge.parent, service.urn, "the edge belongs to the caller");
            const callerSg = graph.one(CALLEE_SG.type, "order-processor-sg");
            const ingress = graph.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "order-processor-to-inventory-manager-ingress");
            assert.deepStrictEqual(pick(ingress.inputs, "securityGroupId", "referencedSecurityGroupId", "fromPort", "toPort", "ipProtocol"),
                { securityGroupId: calleeSg.id, referencedSecurityGroupId: callerSg.id, fromPort: 80, toPort: 80, ipProtocol: "tcp" });
            assert.deepStrictEqual(ingress.propertyDependencies.securityGroupId, [calleeSg.urn], "the Output's dependency reached the rule");
            assert.ok(ingress.dependencies.includes(calleeSg.urn));
            const egress = graph.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "order-processor-to-inventory-manager-egress");
            assert.deepStrictEqual(pick(egress.inputs, "securityGroupId", "referencedSecurityGroupId"), { securityGroupId: callerSg.id, referencedSecurityGroupId: calleeSg.id });
            const grant = graph.one("aws:iam/rolePolicy:RolePolicy", "order-processor-to-inventory-manager-discover");
            // Scoped to the callee, by its names or its ARN.
            assert.match(String(grant.inputs.policy), /servicediscovery:DiscoverInstances/);
            assert.ok([INVENTORY_MANAGER.serviceArn, `"${INVENTORY_MANAGER.name}"`].some((scope) => String(grant.inputs.policy).includes(scope)), String(grant.inputs.policy));
            assert.deepStrictEqual(built.state.discoveryEnvironment, { INVENTORY_MANAGER_SRV_NAME: "inventory-manager.quickship.local", INVENTORY_MANAGER_PORT: "80" });
            const containers = JSON.parse(String(graph.one("aws:ecs/taskDefinition:TaskDefinition", "order-processor-task").inputs.containerDefinitions));
            assert.deepStrictEqual(containers[0].environment, [
                { name: "INVENTORY_MANAGER_PORT", value: "80" },
                { name: "INVENTORY_MANAGER_SRV_NAME", value: "inventory-manager.quickship.local" },
            ]);
        });
    });

    describe("arguments another language can send and TypeScript cannot", () => {
        const cases: { title: string; type: string; name: string; inputs: Record<string, unknown>; expected: RegExp[] }[] = [
            {
                title: "a lower-case enum value",
                type: "DiscoverableService",
                name: "lower-case-enum",
                inputs: { name: "inventory-manager", namespace: { name: "quickship.local", namespaceId: "ns-0123456789abcdef" }, dnsRecordTypes: ["srv"] },
                expected: [/DiscoverableService "lower-case-enum" has invalid arguments/, /dnsRecordTypes\[0\]: "srv" is not one of "SRV"/, /Use "SRV"/],
            },
            {
                title: "a port with a fraction",
                type: "QuickShipTopology",
                name: "fractional-port",
                inputs: { port: 80.5 },
                expected: [/QuickShipTopology "fractional-port" has invalid arguments/, /port: 80\.5 is not a TCP port/],
            },
            {
                title: "null in a list of peers",
                type: "DiscoverableFargateService",
                name: "null-peer",
                inputs: { ...ORDER_PROCESSOR_ARGS, talksTo: [null] },
                expected: [/DiscoverableFargateService "null-peer" has invalid arguments/, /talksTo\[0\]: null is not an object/],
            },
            {
                title: "null for a required block",
                type: "DiscoverableFargateService",
                name: "null-container",
                inputs: { ...ORDER_PROCESSOR_ARGS, container: null },
                expected: [/DiscoverableFargateService "null-container" has invalid arguments/, /container: Required, but null was given/],
            },
            {
                // A Python program passing an Output[list] where the schema says a plain list.
                title: "an Output where a list is expected",
                type: "DiscoverableFargateService",
                name: "output-list",
                inputs: { ...ORDER_PROCESSOR_ARGS, talksTo: outputValue([{ securityGroupId: "sg-0bbbbbbbbbbbbbbbb", port: 80, discovery: INVENTORY_MANAGER }]) },
                expected: [/DiscoverableFargateService "output-list" has invalid arguments/, /talksTo: Must be a list whose entries are known when the component is built, not an Output/],
            },
        ];
        for (const { title, type, name, inputs, expected } of cases) {
            it(`refuses ${title} with an error naming the argument, and builds nothing`, async () => {
                await assert.rejects(construct(host!, engine, { type: token(type), name, inputs }), (err: Error & { code?: number; details?: string }) => {
                    assert.strictEqual(err.code, grpc.status.UNKNOWN, err.message);
                    for (const pattern of expected) {
                        assert.match(err.details ?? "", pattern);
                    }
                    return true;
                });
                const registered = engine.resourcesUnder(engine.urnOf(engine.stackUrn, token(type), name));
                assert.deepStrictEqual(registered.filter((r) => r.custom).map((r) => r.name), [], "no AWS resource was registered");
            });
        }

        it("keeps serving after refusals: a valid ServiceEdge between two plain peers still builds", async () => {
            const built = await construct(host!, engine, {
                type: token("ServiceEdge"),
                name: "orders-to-inventory",
                inputs: {
                    caller: { securityGroupId: "sg-0aaaaaaaaaaaaaaaa", taskRoleName: "order-processor-task" },
                    callee: { securityGroupId: "sg-0bbbbbbbbbbbbbbbb", port: 80, discovery: INVENTORY_MANAGER },
                },
            });
            assert.deepStrictEqual(built.resources.filter((r) => r.custom).map((r) => r.type).sort(), [
                "aws:iam/rolePolicy:RolePolicy", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            ]);
            assert.deepStrictEqual(pick(built.state, "port", "calleeName"), { port: 80, calleeName: "inventory-manager.quickship.local" });
            assert.deepStrictEqual(engine.logs.filter((l) => l.severity === "error" || l.severity === "warning"), [], host!.output());
        });
    });

    describe("examples/yaml: the example's arguments, sent over Construct", () => {
        it("builds its components from plain data: checkout calls catalog and reads the registered orders table", async () => {
            const run = await runYamlProgram(path.join(PACKAGE_DIR, "examples", "yaml", "Pulumi.yaml"), host!, engine);
            assert.deepStrictEqual([...run.components.keys()],
                ["network", "namespace", "catalogService", "catalog", "ordersDbService", "ordersDb", "checkoutService", "checkout"]);
            assert.strictEqual(run.outputs.catalogSrvName, "catalog.shop.internal");
            assert.deepStrictEqual(run.outputs.checkoutEnvironment, {
                CATALOG_SRV_NAME: "catalog.shop.internal", CATALOG_PORT: "8080", ORDERS_DB_NAMESPACE: "shop.internal", ORDERS_DB_SERVICE: "orders-db",
            });
            const checkout = new ResourceGraph(run.components.get("checkout")!.resources);
            assert.strictEqual(checkout.one(token("ServiceEdge"), "checkout-to-catalog").parent, run.components.get("checkout")!.urn);
            const ingress = checkout.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "checkout-to-catalog-ingress");
            assert.deepStrictEqual(ingress.propertyDependencies.securityGroupId, [run.components.get("catalog")!.urn], "waits for catalog");
            assert.match(String(checkout.one("aws:iam/rolePolicy:RolePolicy", "checkout-reads-orders-db").inputs.policy), /"dynamodb:GetItem".*"arn:aws:dynamodb:[^"]+:table\/ordersTable-[0-9a-f]+"/s);
            const instance = new ResourceGraph(run.components.get("ordersDb")!.resources).one("aws:servicediscovery/instance:Instance", "ordersDb");
            assert.match(String((instance.inputs.attributes as Record<string, string>).tablename), /^ordersTable-[0-9a-f]+$/);
        });
    });

    describe("shutdown", () => {
        it("stops the host and leaves no process behind", async () => {
            const pid = host!.pid;
            await host!.stop();
            assert.strictEqual(host!.hasExited(), true);
            assert.throws(() => process.kill(pid, 0), /ESRCH/, `process ${pid} is gone`);
        });
    });

    function inputOf(component: string, input: string): PropertySchema {
        const property = schema.resources[token(component)].inputProperties[input];
        assert.ok(property, `${component}.${input} is an input`);
        return property;
    }

    function outputOf(component: string, output: string): PropertySchema {
        const property = schema.resources[token(component)].properties[output];
        assert.ok(property, `${component}.${output} is an output`);
        return property;
    }

    /**
     * The Construct response's state: the schema's outputs, with the values the TypeScript component
     * has; an output that is undefined (Service Connect fields of a DNS-only service) is left out of both.
     */
    function assertStateMatches(built: Constructed, typescript: ProgramRun, component: string): void {
        const outputs = Object.keys(schema.resources[token(component)].properties).sort();
        assert.deepStrictEqual(Object.keys(built.state).sort(), outputs.filter((key) => typescript.outputs[key] !== undefined));
        assert.deepStrictEqual(asJson(built.state), asJson(pick(typescript.outputs, ...outputs)));
    }
});

/** Runs a TypeScript program under the same deployment and mocks the in-test engine uses. */
function inTypeScript(program: () => unknown): Promise<ProgramRun> {
    return runUnderMocks(program, { project: DEPLOYMENT.project, stack: DEPLOYMENT.stack, config: DEPLOYMENT.config });
}

/** A component's own fields (its outputs), without the SDK's internals. */
function publicFields(component: pulumi.ComponentResource): Record<string, unknown> {
    return Object.fromEntries(Object.entries(component).filter(([key]) => !key.startsWith("__") && key !== "urn"));
}

/** The in-process graph without the consuming program's own resources, which a Construct does not build. */
function withoutProgramResources(resources: readonly RecordedResource[]): RecordedResource[] {
    return resources.filter((r) => !(r.type === CALLEE_SG.type && r.name === CALLEE_SG.name));
}

function pick<T extends object>(value: T, ...keys: string[]): Record<string, unknown> {
    return Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, (value as Record<string, unknown>)[k]]));
}

/** Undefined fields dropped, as on the wire. */
function asJson(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value));
}

import * as assert from "assert";
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import * as rules from "../../components/rules";
import { DESCRIPTION_LIMITS, Finding, TAG_LIMITS } from "../../components/rules";

const RULES_DIR = path.join(__dirname, "../../components/rules");
const COMPONENTS_DIR = path.join(__dirname, "../../components");
const TAG_SUFFIXES = ["tag-count", "tag-key", "tag-value", "tag-reserved-prefix"];

/** Rule ids in the sources of a directory: `rule: "<id>"` literals, and the ids passed to checkOneOf. */
function literalRuleIds(dir: string): string[] {
    return fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).flatMap((file) => {
        const text = fs.readFileSync(path.join(dir, file), "utf8");
        return [
            ...[...text.matchAll(/\brule(?::|\s*=)\s*"([a-z0-9-]+)"/g)].map((m) => m[1]),
            ...[...text.matchAll(/checkOneOf\([^;]*?"([a-z0-9]+(?:-[a-z0-9]+)+)"/g)].map((m) => m[1]),
        ];
    });
}

/** Every rule id the rulebook and the components can emit: literal ids in their sources, and the ids the rulebook's tables generate. */
function ruleIdsInCode(): Set<string> {
    const literal = [...literalRuleIds(RULES_DIR), ...literalRuleIds(COMPONENTS_DIR)];
    const generated = [
        ...Object.keys(TAG_LIMITS).flatMap((service) => TAG_SUFFIXES.map((suffix) => `${service}-${suffix}`)),
        ...Object.keys(DESCRIPTION_LIMITS).map((resource) => `${resource}-description`),
    ];
    return new Set([...literal, ...generated]);
}

/** Rule id → its row in LIMITS.md. */
function limitsRows(): Map<string, string> {
    const rows = new Map<string, string>();
    for (const line of fs.readFileSync(path.join(RULES_DIR, "LIMITS.md"), "utf8").split("\n").filter((l) => l.startsWith("| `"))) {
        const firstCell = line.split(" | ")[0];
        for (const [, id] of firstCell.matchAll(/`([a-z0-9-]+)`/g)) {
            rows.set(id, line);
        }
    }
    return rows;
}

const SERVICES = Object.keys(TAG_LIMITS) as rules.TaggedService[];
const DESCRIBED = Object.keys(DESCRIPTION_LIMITS) as rules.DescribedResource[];

/** Every rule of the rulebook, called with one value of any type in the position a caller fills. */
const CALLS: [string, (value: unknown) => Finding[]][] = [
    ["checkTags", (v) => SERVICES.flatMap((s) => rules.checkTags(v, s))],
    ["checkDescription", (v) => DESCRIBED.flatMap((r) => rules.checkDescription(v, r))],
    ["checkRoute53HealthCheckConfig", (v) => rules.checkRoute53HealthCheckConfig(v, "route53HealthCheck")],
    ["checkHealthChecks", (v) => rules.checkHealthChecks({ healthCheckConfig: v as never, healthCheckCustomConfig: v as never, dnsConfig: v as never }, "public-dns")],
    ["checkDiscoveryMode", (v) => rules.checkDiscoveryMode({ type: v as never, dnsConfig: v as never })],
    ["checkDnsConfig", (v) => rules.checkDnsConfig(v)],
    ["checkDnsConfig (records)", (v) => rules.checkDnsConfig({ dnsRecords: [v, { type: v, ttl: v }], routingPolicy: v })],
    ["checkTtlRange", (v) => rules.checkTtlRange(v, "ttl")],
    ["checkTtlCeiling", (v) => rules.checkTtlCeiling([v, { type: "SRV", ttl: v }], 60)],
    ["recordTypesOf/stalenessInputOf", (v) => { rules.recordTypesOf({ dnsConfig: v as never }); rules.stalenessInputOf({ dnsConfig: { dnsRecords: v as never } }); return []; }],
    ["checkNamespaceName", (v) => (["private-dns", "public-dns", "http"] as const).flatMap((kind) => rules.checkNamespaceName(v, "name", kind))],
    ["checkServiceName", (v) => [...rules.checkServiceName(v), ...rules.checkServiceName(v, "quickship.local")]],
    ["checkInstanceId", (v) => rules.checkInstanceId(v)],
    ["checkInstanceAttributeLimits", (v) => [...rules.checkInstanceAttributeLimits(v), ...rules.checkInstanceAttributeLimits({ AWS_INSTANCE_PORT: v, custom: v })]],
    ["checkReservedAttributeValues", (v) => [...rules.checkReservedAttributeValues(v), ...rules.checkReservedAttributeValues(
        Object.fromEntries([...rules.RESERVED_ATTRIBUTES].map((key) => [key, v])))]],
    ["checkRoute53HealthCheckAttributes", (v) => rules.checkRoute53HealthCheckAttributes(v)],
    ["checkInstanceRecordAttributes", (v) => [...rules.checkInstanceRecordAttributes(["A", "AAAA", "SRV", "CNAME"], v), ...rules.checkInstanceRecordAttributes(v, { AWS_INSTANCE_PORT: v })]],
    ["checkNonIpInstanceAttributes", (v) => rules.checkNonIpInstanceAttributes(v)],
    ["checkServiceRegistries", (v) => rules.checkServiceRegistries([{ containerName: v as never, containerPort: v as never, port: v as never }],
        { networkMode: "awsvpc", recordTypes: ["SRV"], containers: [v as never, { name: v as never, portMappings: v as never }] })],
    ["checkContainerPortMapped", (v) => rules.checkContainerPortMapped([{ name: "app", portMappings: v as never }], "app", v as never, "registry")],
    ["checkFargateTaskSize", (v) => [...rules.checkFargateTaskSize(v, v), ...rules.checkFargateTaskSize(1024, v)]],
    ["checkTaskDefinitionSize", (v) => [...rules.checkTaskDefinitionSize(v, v), ...rules.checkTaskDefinitionSize("1 vCPU", v)]],
    ["checkPort", (v) => rules.checkPort(v, "port")],
    ["checkContainerName", (v) => rules.checkContainerName(v)],
    ["checkContainerImage", (v) => rules.checkContainerImage(v)],
    ["checkTaskFamily", (v) => rules.checkTaskFamily(v)],
    ["checkEcsServiceName", (v) => rules.checkEcsServiceName(v)],
    ["checkDesiredCount", (v) => rules.checkDesiredCount(v)],
    ["checkNoPublicIp", (v) => rules.checkNoPublicIp(v)],
    ["checkTableProtection", (v) => [...rules.checkTableProtection(v), ...rules.checkTableProtection({ pointInTimeRecovery: v })]],
    ["checkVpcId", (v) => rules.checkVpcId(v)],
    ["checkSubnetIds", (v) => [...rules.checkSubnetIds(v), ...rules.checkSubnetIds([v])]],
    ["checkSecurityGroupIds", (v) => [...rules.checkSecurityGroupIds(v), ...rules.checkSecurityGroupIds([v])]],
    ["checkNamespaceId", (v) => rules.checkNamespaceId(v)],
    ["checkCloudMapServiceId", (v) => rules.checkCloudMapServiceId(v)],
    ["checkEcsClusterArn", (v) => rules.checkEcsClusterArn(v)],
    ["checkIamRoleName", (v) => rules.checkIamRoleName(v)],
    ["checkIamRoleArn", (v) => rules.checkIamRoleArn(v)],
    ["checkSecretArn", (v) => rules.checkSecretArn(v, "secret")],
    ["checkSsmParameterArn", (v) => rules.checkSsmParameterArn(v, "parameter")],
    ["checkKmsKeyArn", (v) => rules.checkKmsKeyArn(v, "kmsKeyArn")],
    ["checkPrivateCaArn", (v) => rules.checkPrivateCaArn(v, "caArn")],
    ["checkLogRetentionDays", (v) => rules.checkLogRetentionDays(v)],
    ["checkLogGroupName", (v) => rules.checkLogGroupName(v)],
    ["checkBoolean/checkText", (v) => [...rules.checkBoolean(v, "flag"), ...rules.checkText(v, "text")]],
    ["checkVpcDnsAttributes", (v) => rules.checkVpcDnsAttributes(v, v)],
    ["checkHttpNamespaceName", (v) => rules.checkHttpNamespaceName(v)],
    ["checkContainerHealthCheck", (v) => [...rules.checkContainerHealthCheck(v, "hc"), ...rules.checkContainerHealthCheck({ command: v, intervalSeconds: v, timeoutSeconds: v }, "hc")]],
    ["checkCapacityProviderStrategy", (v) => [...rules.checkCapacityProviderStrategy(v, v, "s"), ...rules.checkCapacityProviderStrategy([v, { capacityProvider: v, weight: v, base: v }], "ARM64", "s")]],
    ["checkPlatformVersion", (v) => rules.checkPlatformVersion(v, { executeCommand: true, serviceConnect: true }, "pv")],
    ["checkCircuitBreaker", (v) => [...rules.checkCircuitBreaker(v, "cb"), ...rules.checkCircuitBreaker({ enable: v, rollback: v }, "cb")]],
    ["checkContainerSecrets", (v) => [...rules.checkContainerSecrets(v, "s"), ...rules.checkContainerSecrets([v, { name: v, valueFrom: v, kmsKeyArn: v }], "s")]],
    ["checkSecretNamesFree", (v) => rules.checkSecretNamesFree(v, [v, { name: v }], "s")],
    ["secretSourceOf", (v) => { rules.secretSourceOf(v); return []; }],
    ["checkPortMappingName", (v) => [...rules.checkPortMappingName(v, "pm"), ...rules.checkPortMappingName({ name: v, appProtocol: v }, "pm")]],
    ["checkServiceConnectService", (v) => [...rules.checkServiceConnectService(v, [], "sc"),
        ...rules.checkServiceConnectService({ portName: v, discoveryName: v, clientAlias: v, timeout: v, tls: v }, [{ name: v, appProtocol: v }], "sc"),
        ...rules.checkServiceConnectService({ portName: "p", clientAlias: [v, { port: v, dnsName: v }], timeout: { idleTimeoutSeconds: v, perRequestTimeoutSeconds: v },
            tls: { issuerCertAuthority: v } }, [{ name: "p" }], "sc")]],
    ["checkServiceConnectHeadroom", (v) => [...rules.checkServiceConnectHeadroom(v, [v], "m"), ...rules.checkServiceConnectHeadroom(512, [v], "m")]],
    ["checkOneOf", (v) => rules.checkOneOf(v, ["SRV", "A"], "cloudmap-dns-record-type", "type")],
    ["checkDynamoDbTableName", (v) => rules.checkDynamoDbTableName(v)],
];

// Field names of the AWS resources and argument names of the components: the path says where a
// value sits, in the caller's terms; a message or fix that names one of these speaks someone else's.
const FOREIGN_NAMES = [
    "healthCheckConfig", "healthCheckCustomConfig", "dnsConfig", "dnsRecords", "routingPolicy", "failureThreshold", "resourcePath", "containerName",
    "containerPort", "serviceRegistries", "registryArn", "assignPublicIp", "pointInTimeRecovery", "deletionProtectionEnabled", "referencedSecurityGroupId",
    "retentionInDays", "networkMode", "namespaceId", "route53HealthCheck", "healthReporting", "apiOnly", "ttlSeconds", "maxTtlSeconds", "dnsRecordTypes",
    "discoveryPort", "desiredCount", "subnetIds", "vpcId", "logRetentionDays", "instanceId", "additionalPorts", "cidrBlock",
];

// Odd values of every kind, beyond what fc.anything() draws often.
const ODD_VALUES: unknown[] = [undefined, null, "", " ", "\t", "srv", "10", NaN, Infinity, -0, 1.5, 2 ** 53, -1, true, [], [null], {}, { type: null },
    Object.create(null), Symbol("s"), 10n, () => 1, new Date(0), "x".repeat(3000), "😀", "aws:team"];

describe("rulebook conventions", () => {
    const ids = ruleIdsInCode();
    const rows = limitsRows();

    it("LIMITS.md lists every rule id with an https source, and no id the code does not have", () => {
        assert.deepStrictEqual([...ids].filter((id) => !rows.has(id)).sort(), [], "rule ids missing from LIMITS.md");
        assert.deepStrictEqual([...rows.keys()].filter((id) => !ids.has(id)).sort(), [], "LIMITS.md rows for rule ids the code does not emit");
        for (const [id, row] of rows) {
            assert.match(row, /https:\/\/\S+/, `${id} cites no source`);
        }
    });

    it("every rule takes a value of any type and answers with well-formed findings, never an exception (property-based)", () => {
        const check = (value: unknown) => {
            for (const [name, call] of CALLS) {
                let findings: Finding[] = [];
                assert.doesNotThrow(() => { findings = call(value); }, `${name} threw on ${String(typeof value)}`);
                for (const f of findings) {
                    assert.ok(ids.has(f.rule), `${name}: unknown rule id ${f.rule}`);
                    assert.ok(typeof f.path === "string" && typeof f.message === "string" && typeof f.fix === "string", name);
                    assert.match(f.message, /\S.*[.)]$/s, `${name}: ${f.message}`);
                    assert.match(f.fix, /\S/, name);
                }
            }
        };
        ODD_VALUES.forEach(check);
        fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), check), { numRuns: 150 });
    });

    it("messages and fixes name no AWS field and no component argument: the path says where", () => {
        const corpus = ODD_VALUES.flatMap((value) => CALLS.flatMap(([, call]) => call(value)));
        assert.ok(corpus.length > 200, `only ${corpus.length} findings in the corpus`);
        const offending = corpus.flatMap((f) => FOREIGN_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(`${f.message} ${f.fix}`))
            .map((name) => `${f.rule}: "${name}" in "${f.message} Fix: ${f.fix}"`));
        assert.deepStrictEqual([...new Set(offending)], []);
    });
});

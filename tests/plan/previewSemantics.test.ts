import * as assert from "assert";
import * as path from "path";
import { fixture } from "./fixtures";
import { plan, Run } from "./runCli";

interface Document {
    resources: { name: string; type: string; op: string }[];
    dnsRecords: { name: string; ttl: number | null }[];
    opaque: { urn: string; type: string }[];
    estimates: { stalenessSeconds: number | null; assumptions: string[] };
}

function documentOf(run: Run): Document {
    assert.strictEqual(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as Document;
}

describe("plan: preview semantics, as pulumi preview", function () {
    this.timeout(180_000);
    let unknownText: Run;
    let unknownJson: Run;
    let unknownMarkdown: Run;
    let stackRefUnknown: Run;
    let stackRefSupplied: Run;
    let awsxText: Run;
    let awsxJson: Run;
    let awsxMarkdown: Run;
    let awsxSarif: Run;
    let providers: Run;
    let emptyProviderRegion: Run;
    let emptyStackRegion: Run;
    let imports: Run;
    let noSuchStack: Run;
    let noDefaultStack: Run;

    before(async () => {
        const stackReferenceOutputs = path.join(fixture("stack-reference"), "outputs.json");
        [unknownText, unknownJson, unknownMarkdown, stackRefUnknown, stackRefSupplied, awsxText, awsxJson, awsxMarkdown, awsxSarif, providers, emptyProviderRegion, emptyStackRegion, imports, noSuchStack, noDefaultStack] =
            await Promise.all([
                plan([fixture("unknown-outputs"), "--no-policy"]),
                plan([fixture("unknown-outputs"), "--no-policy", "--json"]),
                plan([fixture("unknown-outputs"), "--no-policy", "--format", "markdown"]),
                plan([fixture("stack-reference"), "--no-policy"]),
                plan([fixture("stack-reference"), "--no-policy", "--json", "--stack-reference-outputs", stackReferenceOutputs, "--organization", "acme"]),
                plan([fixture("awsx")]),
                plan([fixture("awsx"), "--json", "--no-policy"]),
                plan([fixture("awsx"), "--format", "markdown"]),
                plan([fixture("awsx"), "--format", "sarif"]),
                plan([fixture("providers"), "--no-policy", "--json"]),
                plan([fixture("providers"), "--no-policy"], { env: { EMPTY_PROVIDER_REGION: "1" } }),
                plan([fixture("providers"), "--no-policy", "--config", "aws:region="]),
                plan([fixture("imports"), "--no-policy"]),
                plan([fixture("config-echo"), "--no-policy", "--stack", "prdo"]),
                plan([fixture("public-namespace"), "--no-policy", "--stack", "dev"]),
            ]);
    });

    it("leaves outputs the mocks do not compute unknown: apply callbacks on them do not run, values are (known after deploy)", () => {
        // lb.dnsName.apply((d) => d.split(".")) would throw on undefined; under preview semantics it never runs.
        assert.strictEqual(unknownText.code, 0, unknownText.stderr);
        assert.match(unknownText.stdout, /^ {2}\(known after deploy\)\.shop\.internal +A +ttl \(known after deploy\) MULTIVALUE$/m);
        assert.match(unknownText.stdout, /Worst discovery staleness +\(known after deploy\)/);
        assert.doesNotMatch(unknownText.stdout + unknownText.stderr, /NaN|undefined/);
        assert.match(unknownMarkdown.stdout, /\| A \| \(known after deploy\) \| MULTIVALUE \|/);
        assert.doesNotMatch(unknownMarkdown.stdout, /NaN|null s|undefined/);
        const doc = documentOf(unknownJson);
        assert.deepStrictEqual(doc.dnsRecords.map((r) => [r.name, r.ttl]), [["(known after deploy).shop.internal", null]]);
        assert.strictEqual(doc.estimates.stalenessSeconds, null);
        // Another provider's resources plan like any other, without special cases.
        assert.deepStrictEqual(doc.resources.filter((r) => r.type.startsWith("random:")).map((r) => r.name), ["suffix", "ttl"]);
    });

    it("plans a pulumi.StackReference with unknown outputs, or with those from --stack-reference-outputs; getOrganization answers", () => {
        assert.strictEqual(stackRefUnknown.code, 0, stackRefUnknown.stderr);
        assert.match(stackRefUnknown.stdout, /Stack references\n {2}acme\/network\/prod +outputs \(known after deploy\) \(not in --stack-reference-outputs\)/);
        assert.match(stackRefUnknown.stdout, /^ {2}api\.\(known after deploy\) +SRV/m);
        assert.match(stackRefUnknown.stderr, /stack references with unknown outputs \(supply them with --stack-reference-outputs\): acme\/network\/prod/);
        // The namespace name is `${getOrganization()}.${zone}`: both values came through.
        assert.deepStrictEqual(documentOf(stackRefSupplied).dnsRecords.map((r) => r.name), ["api.acme.shop.internal"]);
    });

    it("reports remote components as not analysed in text and JSON, with a qualified verdict, and models awsx Vpc outputs", () => {
        assert.strictEqual(awsxText.code, 0, awsxText.stderr);
        assert.match(awsxText.stdout, /Not analysed: remote components the plan cannot expand\n {2}net awsx:ec2:Vpc: outputs vpcId, privateSubnetIds, publicSubnetIds, isolatedSubnetIds modelled, the others unknown\n {2}web awsx:ecs:FargateService: outputs unknown/);
        assert.doesNotMatch(awsxText.stdout, /✔/, "never an unqualified ✔ when resources were not analysed");
        assert.match(awsxText.stdout, /! No mandatory policy violations in the resources the plan could see, but 2 remote components \(net, web\) not analysed: their resources were not checked\.$/m);
        const doc = documentOf(awsxJson);
        assert.deepStrictEqual(doc.opaque, [
            { urn: "urn:pulumi:dev::awsx::awsx:ec2:Vpc::net", type: "awsx:ec2:Vpc" },
            { urn: "urn:pulumi:dev::awsx::awsx:ecs:FargateService::web", type: "awsx:ecs:FargateService" },
        ]);
        // Every report says so: the pull-request comment, and code scanning's log.
        assert.match(awsxMarkdown.stdout, /^## ! No mandatory policy violations in the resources the plan could see, but 2 remote components \(net, web\) not analysed/m);
        assert.match(awsxMarkdown.stdout, /\*\*Not analysed:\*\* .*`net` \(`awsx:ec2:Vpc`\), `web` \(`awsx:ecs:FargateService`\)/);
        const sarif = JSON.parse(awsxSarif.stdout) as { runs: { invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[] };
        assert.deepStrictEqual(sarif.runs[0].invocations[0].toolExecutionNotifications?.map((n) => [n.level, n.message.text.split(" is ")[0]]),
            [["warning", "net (awsx:ec2:Vpc)"], ["warning", "web (awsx:ecs:FargateService)"]]);
        // One Cloud Map service per private subnet: the modelled ids are known, one per zone, subnet-shaped.
        assert.deepStrictEqual(doc.dnsRecords.map((r) => r.name.replace(/subnet-[0-9a-f]{4}/, "subnet-ID")),
            ["zone-0-subnet-ID.shop.internal", "zone-1-subnet-ID.shop.internal", "zone-2-subnet-ID.shop.internal"]);
    });

    it("puts resources of an explicit provider in its region, tells the estimates, and refuses an empty region", () => {
        const doc = documentOf(providers);
        // Each service is named after its namespace's ARN region.
        assert.deepStrictEqual(doc.dnsRecords.map((r) => r.name), ["us-east-1.here.internal", "us-west-2.there.internal"]);
        assert.match(doc.estimates.assumptions[0], /^AWS list prices for us-east-1, us-west-2, the same in every commercial AWS Region/);
        assert.strictEqual(emptyProviderRegion.code, 2);
        assert.match(emptyProviderRegion.stderr, /aws\.Provider "nowhere" has an empty region\. Set region to an AWS region such as "us-west-2"/);
        assert.match(emptyProviderRegion.stderr, /at .*fixtures\/providers\/index\.js:17:5/);
        assert.strictEqual(emptyStackRegion.code, 2);
        assert.match(emptyStackRegion.stderr, /error: aws:region is set but empty/);
    });

    it("shows resources with the import option as imports, not creates", () => {
        assert.strictEqual(imports.code, 0, imports.stderr);
        assert.match(imports.stdout, /^Resources \(1 to create, 1 to import\)$/m);
        assert.match(imports.stdout, /1 × aws:dynamodb\/table:Table to import \(user-auth ← UserAuth\)/);
    });

    it("refuses --stack NAME without Pulumi.NAME.yaml as the CLI refuses an unknown stack, naming the stacks there are", () => {
        assert.strictEqual(noSuchStack.code, 2);
        assert.match(noSuchStack.stderr, /error: no stack named 'prdo' found: there is no Pulumi\.prdo\.yaml in .*config-echo\. Stacks with a config file here: ci, dev\./);
        assert.strictEqual(noSuchStack.stdout, "");
        assert.strictEqual(noDefaultStack.code, 2);
        assert.match(noDefaultStack.stderr, /no stack named 'dev' found: .* This project has no stack config files\./);
    });
});

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { discoverInstancesStatement, dynamoDbReadStatement, policyDocument } from "../../components/iamStatements";
import { findOverbroadGrants, wildcardResourceScope } from "../../components/rules";
import { RESOURCELESS_ACTIONS } from "../../components/rules/resourcelessActions";

const TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/UserAuth";

const doc = (statement: object): string => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const messages = (statement: object): string[] => findOverbroadGrants(doc(statement)).map((f) => `${f.path}: ${f.message}`);

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

describe("rulebook: IAM grants", () => {
    describe("action wildcards", () => {
        it("says what a service-wide or global wildcard grants", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "*", Resource: TABLE_ARN }),
                ['policy.Statement[0].Action: "*" grants every action of every service.']);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "dynamodb:*", Resource: TABLE_ARN }),
                ['policy.Statement[0].Action: "dynamodb:*" grants every action of dynamodb.']);
        });

        it("flags a wildcard inside an action name: dynamodb:Get*, servicediscovery:*Instance*", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: ["dynamodb:Get*", "dynamodb:Query"], Resource: TABLE_ARN }),
                ['policy.Statement[0].Action: "dynamodb:Get*" matches every dynamodb action that fits the pattern, including actions AWS adds later.']);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "servicediscovery:*Instance*", Resource: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1" }),
                ['policy.Statement[0].Action: "servicediscovery:*Instance*" matches every servicediscovery action that fits the pattern, including actions AWS adds later.']);
        });

        it("words a wildcard in the service part without naming a service", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "*:GetItem", Resource: TABLE_ARN }),
                ['policy.Statement[0].Action: "*:GetItem" matches every action that fits the pattern, including actions AWS adds later.']);
        });

        it("reports a wildcard action once, on Action, not again for its resource", () => {
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: "servicediscovery:Discover*", Resource: "*",
                Condition: { StringEquals: { "servicediscovery:NamespaceName": "quickship.local" } } })).map((f) => f.path), ["policy.Statement[0].Action"]);
        });
    });

    describe("wildcard resources", () => {
        it("flags scopable actions on an ARN whose resource name is a wildcard", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:*:*:table/*" }), [
                'policy.Statement[0].Resource: dynamodb:GetItem on "arn:aws:dynamodb:*:*:table/*" (every table) although these actions can be scoped to resource ARNs.',
            ]);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: ["dynamodb:Query"], Resource: [TABLE_ARN, "arn:aws:dynamodb:us-east-1:123456789012:*"] }), [
                'policy.Statement[0].Resource: dynamodb:Query on "arn:aws:dynamodb:us-east-1:123456789012:*" (every dynamodb resource) although these actions can be scoped to resource ARNs.',
            ]);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "servicediscovery:RegisterInstance", Resource: "arn:aws:servicediscovery:us-east-1:123456789012:service/*" }), [
                'policy.Statement[0].Resource: servicediscovery:RegisterInstance on "arn:aws:servicediscovery:us-east-1:123456789012:service/*" (every service) although these actions can be scoped to resource ARNs.',
            ]);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "*" }), [
                'policy.Statement[0].Resource: dynamodb:GetItem on "*" although these actions can be scoped to resource ARNs.',
            ]);
        });

        it("tells a wildcard name from a scoped pattern", () => {
            assert.deepStrictEqual(
                ["*", "arn:aws:dynamodb:*:*:*", "arn:aws:dynamodb:*:*:table/*", "arn:aws:dynamodb:*:*:table/*/index/*", "arn:aws:lambda:us-east-1:1:function:*", "arn:aws:s3:::*"]
                    .map(wildcardResourceScope),
                ["every resource", "every dynamodb resource", "every table", "every table", "every function", "every s3 resource"]);
            assert.deepStrictEqual(
                [TABLE_ARN, `${TABLE_ARN}/index/*`, "arn:aws:dynamodb:*:*:table/orders-*", "arn:aws:dynamodb:*:*:table/UserAuth", "arn:aws:s3:::assets/*", "arn:aws:sqs:us-east-1:1:orders"]
                    .map(wildcardResourceScope),
                Array(6).fill(undefined));
        });

        it("leaves actions without resource-level permissions on \"*\" alone, as the Service Authorization Reference lists them", () => {
            assert.deepStrictEqual(messages({
                Effect: "Allow", Resource: "*",
                Action: ["ecr:GetAuthorizationToken", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries", "xray:PutTraceSegments", "ssmmessages:OpenDataChannel"],
            }), []);
            // Action names are case-insensitive in IAM.
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "XRay:getSamplingRules", Resource: "*" }), []);
        });

        it("still flags actions that take a resource, even an optional one, on \"*\"", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: ["xray:GetSamplingRules", "xray:GetGroup", "cloudwatch:PutMetricData"], Resource: "*" }), [
                'policy.Statement[0].Resource: xray:GetGroup, cloudwatch:PutMetricData on "*" although these actions can be scoped to resource ARNs.',
            ]);
        });
    });

    describe("the resource-less actions data", () => {
        it("has one entry per action, each citing its Service Authorization Reference page", () => {
            const actions = RESOURCELESS_ACTIONS.map((a) => a.action.toLowerCase());
            assert.strictEqual(new Set(actions).size, actions.length, "no action twice");
            for (const { action, source } of RESOURCELESS_ACTIONS) {
                assert.match(action, /^[a-z0-9-]+:[A-Za-z0-9]+$/, action);
                assert.match(source, /^https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_[a-z0-9-]+\.html$/, action);
            }
        });

        it("covers the services ECS tasks here call, each from one page", () => {
            const pages = new Map<string, Set<string>>();
            for (const { action, source } of RESOURCELESS_ACTIONS) {
                const service = action.split(":")[0];
                pages.set(service, (pages.get(service) ?? new Set()).add(source));
            }
            assert.deepStrictEqual([...pages.keys()].sort(),
                ["cloudwatch", "dynamodb", "ecr", "kms", "logs", "s3", "secretsmanager", "servicediscovery", "sns", "sqs", "ssm", "ssmmessages", "xray"]);
            assert.ok([...pages.values()].every((sources) => sources.size === 1), "one page per service");
            assert.deepStrictEqual([...(pages.get("xray") ?? [])], ["https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html"]);
        });

        it("leaves out DiscoverInstances, whose namespace and service are required resources now", () => {
            const actions = RESOURCELESS_ACTIONS.map((a) => a.action);
            assert.ok(!actions.includes("servicediscovery:DiscoverInstances"));
            assert.ok(actions.includes("servicediscovery:ListNamespaces"));
        });
    });

    describe("DiscoverInstances", () => {
        const DISCOVER = "servicediscovery:DiscoverInstances";
        const NAMESPACE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc";
        const SERVICE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc";
        const NAMES = { StringEquals: { "servicediscovery:NamespaceName": "quickship.local", "servicediscovery:ServiceName": "inventory-manager" } };

        it("passes when scoped to namespace and service ARNs", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: DISCOVER, Resource: [NAMESPACE_ARN, SERVICE_ARN] }), []);
        });

        it("passes on \"*\" with the NamespaceName/ServiceName conditions (condition keys are case-insensitive)", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: DISCOVER, Resource: "*", Condition: NAMES }), []);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: "servicediscovery:DiscoverInstancesRevision", Resource: "*",
                Condition: { StringEquals: { "ServiceDiscovery:ServiceName": "inventory-manager" } } }), []);
        });

        it("fails unscoped: on \"*\" or every service without conditions", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: DISCOVER, Resource: "*" }), [
                'policy.Statement[0].Resource: servicediscovery:DiscoverInstances on "*" discovers every namespace and service.',
            ]);
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: DISCOVER, Resource: [NAMESPACE_ARN, "arn:aws:servicediscovery:us-east-1:123456789012:service/*"] }), [
                'policy.Statement[0].Resource: servicediscovery:DiscoverInstances on "arn:aws:servicediscovery:us-east-1:123456789012:service/*" (every service) discovers every namespace and service.',
            ]);
            assert.deepStrictEqual(findOverbroadGrants(doc({ Effect: "Allow", Action: DISCOVER, Resource: "*" })).map((f) => [f.rule, f.fix]),
                [["iam-discovery-scoped", "Name the namespace and service ARNs in Resource, or add a Condition on servicediscovery:NamespaceName and servicediscovery:ServiceName."]]);
        });

        describe("discoverInstancesStatement", () => {
            const CONDITIONS = { StringEquals: { "servicediscovery:NamespaceName": ["quickship.local"], "servicediscovery:ServiceName": ["inventory-manager"] } };
            const statementOf = async (target: Parameters<typeof discoverInstancesStatement>[0]) =>
                JSON.parse(await resolved(policyDocument([discoverInstancesStatement(target)]))).Statement[0];

            it("names the namespace and service ARNs when both are known, and keeps the name conditions", async () => {
                const statement = await statementOf({ namespaceName: "quickship.local", serviceName: "inventory-manager", namespaceArn: NAMESPACE_ARN, serviceArn: SERVICE_ARN });
                assert.deepStrictEqual(statement, { Sid: "DiscoverInventoryManager", Effect: "Allow", Action: [DISCOVER], Resource: [NAMESPACE_ARN, SERVICE_ARN], Condition: CONDITIONS });
                assert.deepStrictEqual(findOverbroadGrants(doc(statement)), []);
            });

            it("covers the other required resource type in the same account and region when one ARN is known", async () => {
                const byService = await statementOf({ namespaceName: "quickship.local", serviceName: "inventory-manager", serviceArn: pulumi.output(SERVICE_ARN) });
                assert.deepStrictEqual(byService.Resource, [SERVICE_ARN, "arn:aws:servicediscovery:us-east-1:123456789012:namespace/*"]);
                assert.deepStrictEqual(byService.Condition, CONDITIONS);
                const byNamespace = await statementOf({ namespaceName: "quickship.local", serviceName: "inventory-manager", namespaceArn: NAMESPACE_ARN });
                assert.deepStrictEqual(byNamespace.Resource, [NAMESPACE_ARN, "arn:aws:servicediscovery:us-east-1:123456789012:service/*"]);
                assert.deepStrictEqual([byService, byNamespace].flatMap((s) => findOverbroadGrants(doc(s))), []);
            });

            it("falls back to \"*\" with the name conditions when only names are known (a service in another stack)", async () => {
                const statement = await statementOf({ namespaceName: "quickship.local", serviceName: "inventory-manager" });
                assert.deepStrictEqual([statement.Resource, statement.Condition], [["*"], CONDITIONS]);
                assert.deepStrictEqual(findOverbroadGrants(doc(statement)), []);
            });
        });
    });

    describe("hostile documents", () => {
        it("skips what is not a statement and still reports the statements that are", () => {
            const wildcard = { Effect: "Allow", Action: ["servicediscovery:*", 5, null], Resource: ["*", { Ref: "x" }] };
            assert.deepStrictEqual(findOverbroadGrants({ Statement: [null, 7, "x", wildcard] }).map((f) => f.path), ["policy.Statement[3].Action"]);
            assert.deepStrictEqual(findOverbroadGrants({ Statement: wildcard }).map((f) => f.path), ["policy.Statement[0].Action"]);
        });

        it("reads nothing from documents without statements or with fields of the wrong type", () => {
            for (const document of [null, 5, "null", "[]", "{}", { Statement: null }, { Statement: "Allow everything" },
                { Statement: [{ Effect: "Allow", Action: { "*": true }, Resource: 7, Condition: "x" }] },
                { Statement: [{ Effect: "Allow", Action: "servicediscovery:DiscoverInstances", Resource: "*", Condition: { StringEquals: null } }] }]) {
                assert.doesNotThrow(() => findOverbroadGrants(document), JSON.stringify(document));
            }
            assert.deepStrictEqual(findOverbroadGrants({ Statement: [{ Effect: "Allow", Action: "servicediscovery:DiscoverInstances", Resource: "*", Condition: { StringEquals: null } }] })
                .map((f) => f.rule), ["iam-discovery-scoped"]);
        });

        it("treats a null NotAction as absent and throws SyntaxError for text that is not JSON", () => {
            assert.deepStrictEqual(findOverbroadGrants({ Statement: [{ Effect: "Allow", NotAction: null, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:1:q" }] }), []);
            assert.throws(() => findOverbroadGrants('{"Statement": ['), SyntaxError);
        });
    });

    describe("the components' own grants", () => {
        it("accept the table ARN with <table ARN>/index/* for its indexes", async () => {
            const document = JSON.parse(await resolved(policyDocument([
                dynamoDbReadStatement("user-auth-db", TABLE_ARN),
                discoverInstancesStatement({ namespaceName: "quickship.local", serviceName: "inventory-manager" }),
            ])));
            assert.deepStrictEqual(document.Statement[0].Resource, [TABLE_ARN, `${TABLE_ARN}/index/*`]);
            assert.deepStrictEqual(findOverbroadGrants(document), []);
        });
    });
});

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { discoverInstancesStatement, dynamoDbReadStatement, policyDocument } from "../../components/iamStatements";
import { findOverbroadGrants, wildcardResourceScope } from "../../components/rules";

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

        it("leaves actions without resource-level permissions on \"*\" alone", () => {
            assert.deepStrictEqual(messages({ Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "cloudwatch:PutMetricData"], Resource: "*" }), []);
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

import * as assert from "assert";
import { checkManagedPolicyArn } from "../../policy-pack/lib/managedPolicies";

describe("policy pack: AWS-managed policies too broad for a task role", () => {
    const overbroad = ["AdministratorAccess", "PowerUserAccess", "AmazonDynamoDBFullAccess", "AWSCloudMapFullAccess", "AmazonRoute53AutoNamingFullAccess"];

    for (const partition of ["aws", "aws-cn", "aws-us-gov"]) {
        it(`flags each of them in the ${partition} partition, saying what it grants`, () => {
            for (const name of overbroad) {
                const [finding] = checkManagedPolicyArn(`arn:${partition}:iam::aws:policy/${name}`, "policyArn");
                assert.strictEqual(finding?.path, "policyArn");
                assert.match(finding.message, new RegExp(`^AWS-managed policy ${name} grants \\S`));
            }
        });
    }

    it("leaves the execution role's policy, customer policies of the same name and other ARNs alone", () => {
        for (const arn of [
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            "arn:aws:iam::123456789012:policy/AdministratorAccess",
            "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess",
            "arn:aws:iam::aws:policy/constructor",
            "AdministratorAccess",
        ]) {
            assert.deepStrictEqual(checkManagedPolicyArn(arn, "policyArn"), [], arn);
        }
    });
});

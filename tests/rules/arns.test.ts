import * as assert from "assert";
import fc from "fast-check";
import {
    checkCloudMapServiceId, checkEcsClusterArn, checkIamRoleArn, checkIamRoleName, checkKmsKeyArn, checkNamespaceId, checkPrivateCaArn, checkSecretArn,
    checkSecurityGroupIds, checkSsmParameterArn, checkSubnetIds, checkVpcId, Finding, parseArn,
} from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

const ACCOUNT = "123456789012";
const UUID = "12345678-1234-1234-1234-123456789012";

describe("rules: ids and ARNs", () => {
    it("parses the six parts of an ARN, keeping colons in the resource", () => {
        assert.deepStrictEqual(parseArn(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf:password::`),
            { partition: "aws", service: "secretsmanager", region: "us-east-1", accountId: ACCOUNT, resource: "secret:db-AbCdEf:password::" });
        assert.strictEqual(parseArn("arn:aws:iam"), undefined);
        assert.strictEqual(parseArn(`urn:aws:iam::${ACCOUNT}:role/x`), undefined);
    });

    const cases: [string, (value: unknown, path: string) => Finding[], string[], string[]][] = [
        ["ECS cluster", checkEcsClusterArn,
            [`arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/apps`, `arn:aws-us-gov:ecs:us-gov-west-1:${ACCOUNT}:cluster/a_b-c`, "apps"],
            [`arn:aws:ecs:us-east-1:${ACCOUNT}:service/apps/web`, `arn:aws:ecs:us-east-1:12345:cluster/apps`, `arn:aws:ec2:us-east-1:${ACCOUNT}:cluster/apps`, "apps.prod", ""]],
        ["IAM role", checkIamRoleArn,
            [`arn:aws:iam::${ACCOUNT}:role/ecs-task`, `arn:aws:iam::${ACCOUNT}:role/service-role/team/ecs-task`, `arn:aws-cn:iam::${ACCOUNT}:role/a+=,.@_-`],
            [`arn:aws:iam:us-east-1:${ACCOUNT}:role/x`, `arn:aws:iam::${ACCOUNT}:user/x`, `arn:aws:iam::${ACCOUNT}:role/${"x".repeat(65)}`, `arn:aws:iam::${ACCOUNT}:role/a b`, "ecs-task"]],
        ["secret", checkSecretArn,
            [`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:prod/db-AbCdEf`, `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf:password:AWSCURRENT:`],
            [`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:db-AbCdEf`, `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db pass`, `arn:aws:ssm:eu-west-1:${ACCOUNT}:secret:x`]],
        ["SSM parameter", checkSsmParameterArn,
            [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/db/host`, `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/plain_name.v2`],
            [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter//double`, `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${Array.from({ length: 16 }, () => "l").join("/")}`,
                `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${"p".repeat(1011)}`]],
        ["KMS key", checkKmsKeyArn,
            [`arn:aws:kms:us-east-1:${ACCOUNT}:key/${UUID}`, `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-${"0".repeat(32)}`],
            [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/my-key`, `arn:aws:kms:us-east-1:${ACCOUNT}:key/not-a-uuid`, UUID]],
        ["Private CA", checkPrivateCaArn,
            [`arn:aws:acm-pca:us-east-1:${ACCOUNT}:certificate-authority/${UUID}`],
            [`arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${UUID}`, `arn:aws:acm-pca:us-east-1:${ACCOUNT}:certificate-authority/${UUID}/certificate/1`]],
        ["Cloud Map namespace", checkNamespaceId,
            ["ns-0123456789abcdef", "ns-EXAMPLE", `arn:aws:servicediscovery:us-east-1:${ACCOUNT}:namespace/ns-0123456789abcdef`],
            ["quickship.local", "srv-0123456789abcdef", `ns-${"a".repeat(62)}`, `arn:aws:servicediscovery:us-east-1:${ACCOUNT}:service/srv-1`]],
        ["Cloud Map service", checkCloudMapServiceId,
            ["srv-0123456789abcdef", `arn:aws:servicediscovery:us-east-1:${ACCOUNT}:service/srv-0123456789abcdef`],
            ["inventory", "ns-1", `srv-${"a".repeat(61)}`]],
        ["VPC", checkVpcId,
            ["vpc-0123abcd", "vpc-0123456789abcdef0"],
            ["vpc-0abc", "vpc-0123456789ABCDEF0", "vpc-0default000000000", "subnet-0123abcd"]],
    ];
    for (const [what, check, valid, invalid] of cases) {
        it(`${what}: accepts the documented shapes and refuses others with the rule's own message`, () => {
            for (const value of valid) {
                assert.deepStrictEqual(check(value, "ref"), [], value);
            }
            for (const value of [...invalid, 42, null]) {
                const [finding] = check(value, "ref");
                assert.ok(finding !== undefined, `${String(value)} should be refused`);
                assert.match(finding.message, /^.+ is not (an?|the) .+\.$/);
                assert.match(finding.fix, /e\.g\. "/);
            }
        });
    }

    it("says which part of an ARN is wrong", () => {
        assertOne(checkEcsClusterArn(`arn:aws:ecs:us-east-1:12345:cluster/apps`, "cluster.arn"), "ecs-cluster-arn", "cluster.arn", /the account id "12345" is not 12 digits/);
        assertOne(checkEcsClusterArn(`arn:aws:ecs:useast1:${ACCOUNT}:cluster/apps`), "ecs-cluster-arn", "cluster.arn", /the region "useast1" is not a region code/);
        assertOne(checkIamRoleArn(`arn:aws:iam:us-east-1:${ACCOUNT}:role/x`), "iam-role-arn", "roleArn", /iam ARNs have no region/);
        assertOne(checkIamRoleArn(`arn:aws:iam::${ACCOUNT}:role/${"x".repeat(65)}`), "iam-role-arn", "roleArn", /the role name "x+\.\.\." is not 1-64/);
        assertOne(checkKmsKeyArn(`arn:aws:kms:us-east-1:${ACCOUNT}:alias/my-key`, "kmsKeyArn"), "kms-key-arn", "kmsKeyArn", /the resource part "alias\/my-key" is not key\//);
        assertOne(checkSsmParameterArn(`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/${"p".repeat(1011)}`, "p"), "ssm-parameter-arn", "p", /AWS accepts 20 to 1011/);
    });

    it("role names are 1-64 characters of letters, digits and +=,.@_-", () => {
        assert.deepStrictEqual(checkIamRoleName("r".repeat(64)), []);
        assertOne(checkIamRoleName("r".repeat(65)), "iam-role-name", "roleName", /it has 65 characters/, /add a suffix of 8 characters/);
        assert.deepStrictEqual(rulesOf(checkIamRoleName("order processor")), ["iam-role-name"]);
    });

    it("subnets: 1 to 16 subnet ids, each once; security groups: up to 5", () => {
        const subnets = (n: number) => Array.from({ length: n }, (_, i) => `subnet-${i.toString(16).padStart(8, "0")}`);
        assert.deepStrictEqual([...checkSubnetIds(subnets(1)), ...checkSubnetIds(subnets(16))], []);
        assertOne(checkSubnetIds([]), "ecs-subnets", "subnetIds", /The list of subnets is empty; ECS needs at least 1 to place tasks/);
        assertOne(checkSubnetIds(subnets(17)), "ecs-subnets", "subnetIds", /17 subnets; ECS accepts at most 16/);
        assertOne(checkSubnetIds(["subnet-0123abcd", "subnet-0123abcd"]), "ecs-subnets", "subnetIds[1]", /"subnet-0123abcd" is listed twice/);
        assertOne(checkSubnetIds(["subnet-0123abcd", "sg-0123abcd"]), "ec2-subnet-id", "subnetIds[1]", /is not a subnet id/);
        assertOne(checkSubnetIds("subnet-0123abcd"), "ecs-subnets", "subnetIds", /The subnets are the text "subnet-0123abcd"; ECS takes a list/);
        assert.deepStrictEqual(checkSecurityGroupIds([]), []);
        assert.deepStrictEqual(rulesOf(checkSecurityGroupIds(Array.from({ length: 6 }, (_, i) => `sg-0000000${i}`))), ["ecs-security-groups"]);
    });

    it("accepts every EC2 id of 8 or 17 lowercase hex characters and no other length (property-based)", () => {
        fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 1, maxLength: 20 }), (hex) =>
            assert.strictEqual(checkVpcId(`vpc-${hex}`).length === 0, hex.length === 8 || hex.length === 17)));
    });

    it("accepts every generated role ARN with a path (property-based)", () => {
        const segment = fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{1,20}$/);
        fc.assert(fc.property(fc.array(segment, { maxLength: 4 }), segment, (pathParts, name) =>
            assert.deepStrictEqual(checkIamRoleArn(`arn:aws:iam::${ACCOUNT}:role/${pathParts.map((p) => `${p}/`).join("")}${name}`), [])));
    });
});

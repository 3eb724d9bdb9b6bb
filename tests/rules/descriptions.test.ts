import * as assert from "assert";
import fc from "fast-check";
import { checkDescription, DESCRIPTION_LIMITS, DescribedResource } from "../../components/rules";
import { assertOne } from "./helpers";

const RESOURCES = Object.keys(DESCRIPTION_LIMITS) as DescribedResource[];

describe("rules: descriptions", () => {
    for (const resource of RESOURCES) {
        const { maxLength } = DESCRIPTION_LIMITS[resource];
        it(`${resource}: accepts ${maxLength} characters, refuses ${maxLength + 1}, and a non-string`, () => {
            assert.deepStrictEqual(checkDescription("d".repeat(maxLength), resource), []);
            assertOne(checkDescription("d".repeat(maxLength + 1), resource), `${resource}-description`, "description",
                new RegExp(`is ${maxLength + 1} characters long; AWS accepts at most ${maxLength} \\(`), new RegExp(`Shorten it to ${maxLength} characters`));
            assertOne(checkDescription(42, resource, "args.description"), `${resource}-description`, "args.description", /must be text; got the number 42/);
            assert.deepStrictEqual(checkDescription(undefined, resource), []);
        });
    }

    it("Cloud Map takes any characters; IAM printable ASCII and Latin-1 with tabs and line breaks; EC2 its short list", () => {
        assert.deepStrictEqual(checkDescription("Service discovery for shop.internal — 日本 ✓", "cloudmap-namespace"), []);
        assert.deepStrictEqual(checkDescription("Lets ECS pull images\tfor café\r\n", "iam-role"), []);
        assertOne(checkDescription("Identity of ✓ tasks", "iam-role"), "iam-role-description", "description", /holds "✓"; AWS accepts only printable ASCII/);
        assert.deepStrictEqual(checkDescription("inventory.quickship.local tasks; ingress only from declared callers (a&b)", "ec2-security-group"), []);
        assertOne(checkDescription("From a&b", "ec2-security-group-rule"), "ec2-security-group-rule-description", "description", /holds "&"/);
        assertOne(checkDescription("To <inventory>", "ec2-security-group"), "ec2-security-group-description", "description", /holds "<", ">"/);
    });

    it("accepts every description within the length and characters of EC2 security groups (property-based)", () => {
        const allowed = fc.constantFrom(..."aZ9 ._-:/()#,@[]+=&;{}!$*");
        fc.assert(fc.property(fc.string({ unit: allowed, maxLength: 255 }), (text) =>
            assert.deepStrictEqual(checkDescription(text, "ec2-security-group"), [])), { numRuns: 50 });
    });
});

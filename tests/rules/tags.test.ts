import * as assert from "assert";
import fc from "fast-check";
import { checkTags, TAG_LIMITS, TaggedService } from "../../components/rules";
import { assertOne, rulesOf } from "./helpers";

const SERVICES = Object.keys(TAG_LIMITS) as TaggedService[];
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));

describe("rules: tags", () => {
    for (const service of SERVICES) {
        const limits = TAG_LIMITS[service];
        describe(`${service} (${limits.label})`, () => {
            it(`accepts ${limits.maxTags} tags and refuses ${limits.maxTags + 1}`, () => {
                assert.deepStrictEqual(checkTags(many(limits.maxTags), service), []);
                assertOne(checkTags(many(limits.maxTags + 1), service), `${service}-tag-count`, "tags",
                    new RegExp(`^${limits.maxTags + 1} tags; a ${limits.label} resource takes at most ${limits.maxTags} \\(`));
            });
            it(`accepts a key of ${limits.maxKeyLength} characters and refuses ${limits.maxKeyLength + 1} or none`, () => {
                assert.deepStrictEqual(checkTags({ ["k".repeat(limits.maxKeyLength)]: "v" }, service), []);
                assertOne(checkTags({ ["k".repeat(limits.maxKeyLength + 1)]: "v" }, service), `${service}-tag-key`, `tags.${"k".repeat(limits.maxKeyLength + 1)}`,
                    new RegExp(`is ${limits.maxKeyLength + 1} characters long; ${limits.label} accepts keys of 1 to ${limits.maxKeyLength} characters`));
                assertOne(checkTags({ "": "v" }, service), `${service}-tag-key`, 'tags[""]', /is 0 characters long/);
            });
            it(`accepts a value of ${limits.maxValueLength} characters, or empty, and refuses ${limits.maxValueLength + 1} or null`, () => {
                assert.deepStrictEqual(checkTags({ team: "v".repeat(limits.maxValueLength), empty: "" }, service), []);
                assertOne(checkTags({ team: "v".repeat(limits.maxValueLength + 1) }, service), `${service}-tag-value`, "tags.team",
                    new RegExp(`is ${limits.maxValueLength + 1} characters long; ${limits.label} accepts at most ${limits.maxValueLength}`));
                assertOne(checkTags({ team: null }, service), `${service}-tag-value`, "tags.team", /is null; .* never null/, /use "" for a tag without a value/);
            });
            it("refuses the aws: prefix in keys, in any case", () => {
                for (const key of ["aws:team", "AWS:team", "Aws:team"]) {
                    assertOne(checkTags({ [key]: "v" }, service), `${service}-tag-reserved-prefix`, `tags["${key}"]`, /starts with "aws:", which AWS reserves/);
                }
                assert.deepStrictEqual(checkTags({ awsome: "v", "team:aws": "v" }, service), []);
            });
            it("counts characters as AWS does (code points), so astral characters count once", () => {
                const key = "😀".repeat(limits.maxKeyLength);
                assert.strictEqual(key.length, 2 * limits.maxKeyLength);
                const allowed = limits.characters === undefined || limits.characters.pattern.test(key);
                assert.deepStrictEqual(rulesOf(checkTags({ [key]: "v" }, service)), allowed ? [] : [`${service}-tag-key`]);
            });
            it("accepts any map of keys and values within the limits (property-based)", () => {
                const alphabet = fc.constantFrom(..."abcXYZ019 _.:/=+-");
                const text = (min: number, max: number) => fc.string({ unit: alphabet, minLength: min, maxLength: max });
                fc.assert(fc.property(fc.dictionary(text(1, limits.maxKeyLength).filter((k) => !/^aws:/i.test(k)), text(0, limits.maxValueLength), { maxKeys: limits.maxTags }),
                    (tags) => assert.deepStrictEqual(checkTags(tags, service), [])), { numRuns: 30 });
            });
            it("refuses every key over the limit (property-based)", () => {
                fc.assert(fc.property(fc.integer({ min: limits.maxKeyLength + 1, max: 400 }), (length) =>
                    assert.deepStrictEqual(rulesOf(checkTags({ ["a".repeat(length)]: "v" }, service)), [`${service}-tag-key`])), { numRuns: 20 });
            });
        });
    }

    it("uses each service's character set: ECS, IAM and Logs take Unicode letters and @, DynamoDB no @, Cloud Map and EC2 anything", () => {
        const verdicts = (tags: Record<string, string>) => SERVICES.filter((s) => checkTags(tags, s).length === 0);
        assert.deepStrictEqual(verdicts({ "équipe 日本": "ünïcode" }), SERVICES);
        assert.deepStrictEqual(verdicts({ owner: "team@example.com" }), ["cloudmap", "ecs", "iam", "ec2", "logs"]);
        assert.deepStrictEqual(verdicts({ "cost#centre": "x" }), ["cloudmap", "ec2"]);
        assertOne(checkTags({ owner: "a@b" }, "dynamodb"), "dynamodb-tag-value", "tags.owner", /letters, numbers, spaces and _ \. : \/ = \+ -/);
    });

    it("refuses aws: at the start of values only where the service reserves it there (ECS, DynamoDB)", () => {
        const refused = SERVICES.filter((s) => rulesOf(checkTags({ source: "aws:cloudformation" }, s)).includes(`${s}-tag-reserved-prefix`));
        assert.deepStrictEqual(refused, ["ecs", "dynamodb"]);
    });

    it("refuses tags that are not a map, and says nothing of absent tags", () => {
        assert.deepStrictEqual(checkTags(undefined, "ecs"), []);
        for (const bad of [null, "team=payments", [["team", "payments"]], 3]) {
            assertOne(checkTags(bad, "iam"), "iam-tag-key", "tags", /takes a map of tag keys to text values/);
        }
    });
});

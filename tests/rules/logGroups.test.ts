import * as assert from "assert";
import { checkLogGroupName, checkLogRetentionDays, LOG_RETENTION_DAYS } from "../../components/rules";
import { assertOne } from "./helpers";

describe("rules: CloudWatch Logs", () => {
    it("accepts every documented retention and 0 (never expire), and nothing in between", () => {
        for (const days of LOG_RETENTION_DAYS) {
            assert.deepStrictEqual(checkLogRetentionDays(days), [], String(days));
        }
        for (let days = 0; days <= 3660; days++) {
            assert.strictEqual(checkLogRetentionDays(days).length === 0, LOG_RETENTION_DAYS.includes(days));
        }
    });

    it("names the allowed values and the nearest one above, and refuses text and fractions", () => {
        assertOne(checkLogRetentionDays(10, "logRetentionDays"), "logs-retention-days", "logRetentionDays",
            /A retention of 10 days is not one CloudWatch Logs offers; it keeps logs for 1, 3, 5, 7, 14, .*, 3653 days, or forever with 0 \(CloudWatch Logs API, PutRetentionPolicy\)/,
            /e\.g\. 14\./);
        assertOne(checkLogRetentionDays("14"), "logs-retention-days", "retentionInDays", /A retention of the text "14" is not one/);
        assertOne(checkLogRetentionDays(4000), "logs-retention-days", "retentionInDays", /e\.g\. 3653\./);
        assertOne(checkLogRetentionDays(13.5), "logs-retention-days", "retentionInDays", /e\.g\. 14\./);
    });

    it("log group names are 1-512 characters of letters, digits and . - _ / #", () => {
        assert.deepStrictEqual(checkLogGroupName("/ecs/dev/_tcp.quickship.local/inventory-manager"), []);
        assert.deepStrictEqual(checkLogGroupName("/".repeat(512)), []);
        assertOne(checkLogGroupName("/".repeat(513)), "logs-log-group-name", "logGroupName", /it has 513 characters/);
        assertOne(checkLogGroupName("/ecs/my app"), "logs-log-group-name", "logGroupName", /got "\/ecs\/my app"/);
    });
});

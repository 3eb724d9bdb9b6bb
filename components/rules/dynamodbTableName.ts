import { Finding } from "./finding";
import { describeValue } from "./values";

// CreateTable TableName: 3-255 characters of a-z, A-Z, 0-9, _ - and . (DynamoDB API reference,
// "Pattern: [a-zA-Z0-9_.-]+"). https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/** Checks a DynamoDB table name. */
export function checkDynamoDbTableName(name: unknown, path = "tableName"): Finding[] {
    if (typeof name === "string" && TABLE_NAME.test(name)) {
        return [];
    }
    return [{
        rule: "dynamodb-table-name",
        path,
        message: `${describeValue(name)} is not a table name: 3-255 letters, digits, underscores, hyphens and dots (DynamoDB API, CreateTable).`,
        fix: 'Use a name such as "UserAuth".',
    }];
}

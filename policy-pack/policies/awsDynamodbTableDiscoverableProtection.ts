import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { checkTableProtection } from "../../components/rules";
import { asBlock, asBoolean, asString } from "../lib/read";
import { reportFindings } from "../lib/report";
import { TYPES } from "../lib/resourceTypes";
import { forEachKnown } from "../lib/stackGraph";
import { isUnknownAt } from "../lib/unknowns";
import { closedConfigSchema } from "../lib/closedConfig";

/**
 * True when a Cloud Map instance registers the table: it took a value from it, or names it in
 * `tablename`. A `tablename` not known yet was taken from some resource; if that is this
 * table, the property dependency already says so.
 */
function registers(instance: PolicyResource, table: PolicyResource): boolean {
    if (Object.values(instance.propertyDependencies).some((deps) => deps.includes(table))) {
        return true;
    }
    const attributes = asBlock(instance.props.attributes) ?? {};
    const name = asString(table.props.name);
    return name !== undefined && !isUnknownAt(attributes, "tablename") && asString(attributes.tablename) === name;
}

// A table registered in Cloud Map is shared state other services discover and depend on;
// point-in-time recovery and deletion protection are what make a bad write or a stray
// DeleteTable recoverable (DynamoDB developer guide, "Point-in-time recovery", "Deletion protection").
export const awsDynamodbTableDiscoverableProtection: StackValidationPolicy = {
    name: "aws-dynamodb-table-discoverable-protection",
    description: "Warns when a DynamoDB table registered in Cloud Map lacks point-in-time recovery or deletion protection, because every service that discovers it breaks if it is lost.",
    enforcementLevel: "advisory",
    configSchema: closedConfigSchema(),
    validateStack: (args, reportViolation) => {
        const instances = args.resources.filter((r) => r.type === TYPES.cloudMapInstance);
        forEachKnown(args.resources.filter((r) => r.type === TYPES.dynamodbTable), (table) => {
            const registeredBy = instances.filter((instance) => registers(instance, table));
            if (registeredBy.length === 0) {
                return;
            }
            const protection = {
                pointInTimeRecovery: { enabled: asBoolean(asBlock(table.props.pointInTimeRecovery)?.enabled) },
                deletionProtectionEnabled: asBoolean(table.props.deletionProtectionEnabled),
            };
            const findings = checkTableProtection(protection).map((f) => ({
                ...f, message: `${f.message} (registered in Cloud Map as instance "${registeredBy[0].name}")`,
            }));
            reportFindings(findings, reportViolation, table.urn);
        });
    },
};

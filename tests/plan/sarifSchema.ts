/**
 * What the SARIF 2.1.0 JSON schema requires of the objects the plan writes, transcribed from
 * the OASIS schema (Committee Specification 2.1.0, sarif-schema-2.1.0.json:
 * https://github.com/oasis-tcs/sarif-spec/blob/master/Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json):
 * each definition's `required` / `anyOf` members, its property names (every definition has
 * `additionalProperties: false`, so no other name is valid), and the enums and minimums of the
 * values used. `checkSarifLog` returns every departure, with its JSON path.
 */

interface Definition {
    readonly required?: readonly string[];
    /** At least one of these groups must be present in full (schema `anyOf` of `required`). */
    readonly anyOf?: readonly (readonly string[])[];
    readonly properties: readonly string[];
}

const DEFINITIONS: Readonly<Record<string, Definition>> = {
    sarifLog: { required: ["version", "runs"], properties: ["$schema", "version", "runs", "inlineExternalProperties", "properties"] },
    run: {
        required: ["tool"],
        properties: [
            "tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts",
            "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
            "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences",
            "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
            "specialLocations", "properties",
        ],
    },
    tool: { required: ["driver"], properties: ["driver", "extensions", "properties"] },
    toolComponent: {
        required: ["name"],
        properties: [
            "guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version",
            "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
            "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
            "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties",
        ],
    },
    reportingDescriptor: {
        required: ["id"],
        properties: [
            "id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription",
            "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties",
        ],
    },
    reportingConfiguration: { properties: ["enabled", "level", "rank", "parameters", "properties"] },
    multiformatMessageString: { required: ["text"], properties: ["text", "markdown", "properties"] },
    message: { anyOf: [["text"], ["id"]], properties: ["text", "markdown", "id", "arguments", "properties"] },
    invocation: {
        required: ["executionSuccessful"],
        properties: [
            "commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode", "ruleConfigurationOverrides",
            "notificationConfigurationOverrides", "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
            "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful", "machine", "account", "processId",
            "executableLocation", "workingDirectory", "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties",
        ],
    },
    result: {
        required: ["message"],
        properties: [
            "ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid",
            "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals",
            "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris",
            "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties",
        ],
    },
    location: { properties: ["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"] },
    physicalLocation: { anyOf: [["address"], ["artifactLocation"]], properties: ["address", "artifactLocation", "region", "contextRegion", "properties"] },
    artifactLocation: { properties: ["uri", "uriBaseId", "index", "description", "properties"] },
    region: {
        properties: [
            "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet",
            "message", "sourceLanguage", "properties",
        ],
    },
    logicalLocation: { properties: ["name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties"] },
};

/** `level` of results and reporting configurations. */
const LEVELS = ["none", "note", "warning", "error"];

type Json = Record<string, unknown>;

/** Every way `log` departs from the schema for the objects checked here; empty when it conforms. */
export function checkSarifLog(log: unknown): string[] {
    const problems: string[] = [];
    const object = (value: unknown, definition: string, at: string): Json => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
            problems.push(`${at}: expected a ${definition} object`);
            return {};
        }
        const { required = [], anyOf, properties } = DEFINITIONS[definition];
        const json = value as Json;
        problems.push(...required.filter((p) => !(p in json)).map((p) => `${at}: ${definition} requires "${p}"`));
        if (anyOf !== undefined && !anyOf.some((group) => group.every((p) => p in json))) {
            problems.push(`${at}: ${definition} requires one of ${anyOf.map((g) => g.join("+")).join(" or ")}`);
        }
        problems.push(...Object.keys(json).filter((p) => !properties.includes(p)).map((p) => `${at}: "${p}" is not a ${definition} property`));
        return json;
    };
    const optional = (value: unknown, definition: string, at: string): Json | undefined => (value === undefined ? undefined : object(value, definition, at));
    const array = (value: unknown, at: string): unknown[] => {
        if (value === undefined) {
            return [];
        }
        if (!Array.isArray(value)) {
            problems.push(`${at}: expected an array`);
            return [];
        }
        return value;
    };
    const integer = (value: unknown, minimum: number, at: string): void => {
        if (value !== undefined && !(Number.isInteger(value) && (value as number) >= minimum)) {
            problems.push(`${at}: expected an integer ≥ ${minimum}, got ${JSON.stringify(value)}`);
        }
    };
    const level = (value: unknown, at: string): void => {
        if (value !== undefined && !LEVELS.includes(value as string)) {
            problems.push(`${at}: level must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
        }
    };

    const root = object(log, "sarifLog", "$");
    if (root.version !== "2.1.0") {
        problems.push(`$.version: must be "2.1.0", got ${JSON.stringify(root.version)}`);
    }
    array(root.runs, "$.runs").forEach((runValue, r) => {
        const at = `$.runs[${r}]`;
        const run = object(runValue, "run", at);
        const tool = object(run.tool, "tool", `${at}.tool`);
        const driver = object(tool.driver, "toolComponent", `${at}.tool.driver`);
        const rules = array(driver.rules, `${at}.tool.driver.rules`).map((ruleValue, i) => {
            const ruleAt = `${at}.tool.driver.rules[${i}]`;
            const rule = object(ruleValue, "reportingDescriptor", ruleAt);
            for (const key of ["shortDescription", "fullDescription", "help"]) {
                optional(rule[key], "multiformatMessageString", `${ruleAt}.${key}`);
            }
            level(optional(rule.defaultConfiguration, "reportingConfiguration", `${ruleAt}.defaultConfiguration`)?.level, `${ruleAt}.defaultConfiguration`);
            return rule;
        });
        array(run.invocations, `${at}.invocations`).forEach((inv, i) => object(inv, "invocation", `${at}.invocations[${i}]`));
        for (const [id, base] of Object.entries((run.originalUriBaseIds ?? {}) as Json)) {
            object(base, "artifactLocation", `${at}.originalUriBaseIds.${id}`);
        }
        array(run.results, `${at}.results`).forEach((resultValue, i) => {
            const resultAt = `${at}.results[${i}]`;
            const result = object(resultValue, "result", resultAt);
            object(result.message, "message", `${resultAt}.message`);
            level(result.level, resultAt);
            integer(result.ruleIndex, -1, `${resultAt}.ruleIndex`);
            // §3.27.6: when both are present, ruleIndex must designate the rule whose id is ruleId.
            if (typeof result.ruleIndex === "number" && result.ruleIndex >= 0 && rules[result.ruleIndex]?.id !== result.ruleId) {
                problems.push(`${resultAt}: ruleIndex ${result.ruleIndex} is not the rule "${String(result.ruleId)}"`);
            }
            array(result.locations, `${resultAt}.locations`).forEach((locationValue, l) => {
                const locationAt = `${resultAt}.locations[${l}]`;
                const location = object(locationValue, "location", locationAt);
                const physical = optional(location.physicalLocation, "physicalLocation", `${locationAt}.physicalLocation`);
                if (physical !== undefined) {
                    optional(physical.artifactLocation, "artifactLocation", `${locationAt}.physicalLocation.artifactLocation`);
                    const region = optional(physical.region, "region", `${locationAt}.physicalLocation.region`);
                    integer(region?.startLine, 1, `${locationAt}.physicalLocation.region.startLine`);
                    integer(region?.startColumn, 1, `${locationAt}.physicalLocation.region.startColumn`);
                }
                array(location.logicalLocations, `${locationAt}.logicalLocations`).forEach((l2, k) => object(l2, "logicalLocation", `${locationAt}.logicalLocations[${k}]`));
            });
        });
    });
    return problems;
}

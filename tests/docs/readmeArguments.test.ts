import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    Declarations, DocumentedTable, expectedRows, isKnownRule, NO_DEFAULT, normaliseDefault, readDeclarations, readTables, REQUIRED, ROOT,
    ruleIdsOfLimits,
} from "./argumentTables";

/**
 * README's argument tables against the code: every argument of every component's Args interface
 * (and of the reference shapes other programs pass) has a row and nothing else does, each row's
 * default is what the property's TSDoc says after "Default:", and every rule id a row names is
 * one components/rules/LIMITS.md lists.
 */

/** Interfaces a caller fills in besides the components' own Args: the plain-data shapes and the edge API's options. */
const REFERENCE_SHAPES = ["PeerArgs", "ConnectOptions", "PolicyStatement"];

function documentedInterfaces(declarations: Declarations): string[] {
    const refs = [...declarations.interfaces.values()].filter((i) => i.file === "components/refs.ts" && i.exported).map((i) => i.name);
    return [...declarations.components.map((c) => c.argsInterface), ...refs, ...REFERENCE_SHAPES];
}

describe("README: argument tables match the code", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const declarations = readDeclarations();
    const tables = readTables(readme);
    const tableOf = (name: string): DocumentedTable | undefined => tables.find((t) => t.interfaceName === name);

    it("finds the components and their Args interfaces in the sources", () => {
        // A floor, so a parser that finds nothing cannot pass the checks below vacuously.
        const names = declarations.components.map((c) => c.name).sort();
        for (const component of ["DiscoverableFargateService", "DiscoverableService", "DiscoveryNetwork", "HttpNamespace", "PrivateDnsNamespace",
            "QuickShipTopology", "RegisteredResource", "ServiceEdge"]) {
            assert.ok(names.includes(component), `${component} is found (found: ${names.join(", ")})`);
        }
        assert.ok(expectedRows("DiscoverableFargateServiceArgs", declarations).some((r) => r.argument === "container.healthCheck.intervalSeconds"));
    });

    it("has one table for each component's arguments and each reference shape", () => {
        const missing = documentedInterfaces(declarations).filter((name) => tableOf(name) === undefined);
        assert.deepStrictEqual(missing, [], `README.md has no table headed **…** · \`<Interface>\` for ${missing.join(", ")}`);
        const twice = tables.map((t) => t.interfaceName).filter((name, i, all) => all.indexOf(name) !== i);
        assert.deepStrictEqual(twice, [], "each interface is documented by one table");
        const unknown = tables.map((t) => t.interfaceName).filter((name) => !declarations.interfaces.has(name));
        assert.deepStrictEqual(unknown, [], "every table documents an interface of components/");
    });

    for (const name of documentedInterfaces(declarations)) {
        describe(name, () => {
            const expected = expectedRows(name, declarations);

            it("lists every argument, in the interface's order, and nothing else", () => {
                const table = tableOf(name);
                assert.ok(table !== undefined, `README.md documents ${name}`);
                const documented = table.rows.map((r) => r.argument);
                const declared = expected.map((r) => r.argument);
                assert.deepStrictEqual(
                    { missing: declared.filter((a) => !documented.includes(a)), extra: documented.filter((a) => !declared.includes(a)) },
                    { missing: [], extra: [] },
                    `README.md:${table.line} (${name}): rows missing from the table, and rows naming no argument`);
                assert.deepStrictEqual(documented, declared, `README.md:${table.line} (${name}): rows in the interface's order`);
            });

            it(`states each default as its TSDoc "Default:" does ("${REQUIRED}" when required, "${NO_DEFAULT}" when optional with none)`, () => {
                const table = tableOf(name);
                assert.ok(table !== undefined);
                const differing = expected.flatMap((row) => {
                    const documented = table.rows.find((r) => r.argument === row.argument);
                    return documented === undefined || documented.defaultText === row.defaultText
                        ? []
                        : [`README.md:${documented.line} ${row.argument}: README says "${documented.defaultText}", the TSDoc says "${row.defaultText}"`];
                });
                assert.deepStrictEqual(differing, []);
            });
        });
    }

    it("names only rule ids that components/rules/LIMITS.md lists, in the AWS limit column", () => {
        const ids = ruleIdsOfLimits();
        assert.ok(ids.size > 50, "LIMITS.md's rule ids are read");
        const unknown = tables.flatMap((t) => t.rows.flatMap((r) => r.rules.filter((rule) => !isKnownRule(rule, ids)).map((rule) => `README.md:${r.line} ${rule}`)));
        assert.deepStrictEqual(unknown, []);
        assert.ok(tables.some((t) => t.rows.some((r) => r.rules.length > 0)), "the tables name rules at all");
    });

    it("compares defaults without code formatting, but not without their words", () => {
        assert.strictEqual(normaliseDefault('`"MULTIVALUE"`.'), normaliseDefault('"MULTIVALUE"'));
        assert.strictEqual(normaliseDefault("`10` (see  `DEFAULT_TTL_SECONDS`)"), "10 (see DEFAULT_TTL_SECONDS)");
        assert.notStrictEqual(normaliseDefault("`256`; `512` with Service Connect"), normaliseDefault("`256`"));
    });
});

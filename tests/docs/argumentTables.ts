import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/**
 * The two sides of README's argument tables: the interfaces as the TypeScript sources declare
 * them (read with the compiler's parser, no type-checker, so it takes milliseconds), and the
 * tables as README.md writes them. Both are reduced to rows of `argument → default`, so a test
 * can compare them and name the argument that differs.
 */

export const ROOT = path.join(__dirname, "..", "..");
const COMPONENTS = path.join(ROOT, "components");

/** What README writes for an argument without a default: a required one, or an optional one with none. */
export const REQUIRED = "required";
export const NO_DEFAULT = "—";

/** One property of an interface, with what its TSDoc says. */
interface DeclaredProperty {
    readonly name: string;
    readonly optional: boolean;
    readonly type: ts.TypeNode | undefined;
    /** The text after "Default:" in its doc comment, normalised; undefined without one. */
    readonly documentedDefault: string | undefined;
}

export interface DeclaredInterface {
    readonly name: string;
    /** Relative to the repository root, e.g. `components/refs.ts`. */
    readonly file: string;
    readonly exported: boolean;
    readonly properties: readonly DeclaredProperty[];
}

/** A component class and the interface its constructor's `args` parameter takes. */
export interface DeclaredComponent {
    readonly name: string;
    readonly argsInterface: string;
}

export interface Declarations {
    readonly interfaces: ReadonlyMap<string, DeclaredInterface>;
    readonly components: readonly DeclaredComponent[];
}

/**
 * How a default is compared: code formatting (backticks, escaped pipes), runs of white space and a
 * final full stop do not count, so `` `"MULTIVALUE"`. `` in TSDoc equals `` `"MULTIVALUE"` `` in a cell.
 */
export function normaliseDefault(text: string): string {
    return text.replace(/`/g, "").replace(/\\\|/g, "|").replace(/\s+/g, " ").trim().replace(/\.$/, "");
}

function docCommentOf(node: ts.Node): string {
    return ts.getJSDocCommentsAndTags(node)
        .filter((doc): doc is ts.JSDoc => ts.isJSDoc(doc))
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
        .join(" ");
}

/** The default a doc comment states: everything after "Default:", which ends the comment by convention. */
function documentedDefaultOf(comment: string): string | undefined {
    const match = /\bDefault: ([\s\S]*)$/.exec(comment);
    return match === null ? undefined : normaliseDefault(match[1]);
}

function isExported(node: ts.InterfaceDeclaration): boolean {
    return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** Every interface and component class declared in components/*.ts (the rulebook declares none of the arguments). */
export function readDeclarations(): Declarations {
    const interfaces = new Map<string, DeclaredInterface>();
    const components: DeclaredComponent[] = [];
    for (const fileName of fs.readdirSync(COMPONENTS).filter((f) => f.endsWith(".ts")).sort()) {
        const file = `components/${fileName}`;
        const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
        for (const statement of source.statements) {
            if (ts.isInterfaceDeclaration(statement)) {
                interfaces.set(statement.name.text, {
                    name: statement.name.text,
                    file,
                    exported: isExported(statement),
                    properties: statement.members.filter(ts.isPropertySignature).map((member) => ({
                        name: member.name.getText(source),
                        optional: member.questionToken !== undefined,
                        type: member.type,
                        documentedDefault: documentedDefaultOf(docCommentOf(member)),
                    })),
                });
            }
            if (ts.isClassDeclaration(statement) && statement.name !== undefined && extendsComponentResource(statement, source)) {
                const constructor = statement.members.find(ts.isConstructorDeclaration);
                const args = constructor?.parameters.find((p) => p.name.getText(source) === "args");
                if (args?.type !== undefined && ts.isTypeReferenceNode(args.type)) {
                    components.push({ name: statement.name.text, argsInterface: args.type.typeName.getText(source) });
                }
            }
        }
    }
    return { interfaces, components };
}

function extendsComponentResource(node: ts.ClassDeclaration, source: ts.SourceFile): boolean {
    return node.heritageClauses?.some((clause) => clause.types.some((t) => t.expression.getText(source) === "pulumi.ComponentResource")) ?? false;
}

/**
 * The interface a property's type names when it is one of this package's argument interfaces
 * (`…Args`), directly or as the element of a list; README documents those inline, as
 * `container.image` or `capacityProviderStrategy[].weight`.
 */
function nestedArgs(type: ts.TypeNode | undefined, interfaces: ReadonlyMap<string, DeclaredInterface>): { name: string; list: boolean } | undefined {
    if (type === undefined) {
        return undefined;
    }
    if (ts.isTypeOperatorNode(type)) {
        return nestedArgs(type.type, interfaces);
    }
    if (ts.isArrayTypeNode(type)) {
        const element = nestedArgs(type.elementType, interfaces);
        return element === undefined ? undefined : { name: element.name, list: true };
    }
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
        const name = type.typeName.text;
        return name.endsWith("Args") && interfaces.has(name) ? { name, list: false } : undefined;
    }
    return undefined;
}

/** An argument as README must document it: its path and the default its TSDoc states. */
export interface ExpectedRow {
    readonly argument: string;
    readonly defaultText: string;
}

/** The rows an interface's table must have: every property, and the properties of the argument interfaces nested in it. */
export function expectedRows(interfaceName: string, declarations: Declarations, prefix = ""): ExpectedRow[] {
    const declared = declarations.interfaces.get(interfaceName);
    if (declared === undefined) {
        throw new Error(`No interface ${interfaceName} in components/.`);
    }
    return declared.properties.flatMap((property) => {
        const argument = `${prefix}${property.name}`;
        const row = { argument, defaultText: property.documentedDefault ?? (property.optional ? NO_DEFAULT : REQUIRED) };
        const nested = nestedArgs(property.type, declarations.interfaces);
        return nested === undefined ? [row] : [row, ...expectedRows(nested.name, declarations, `${argument}${nested.list ? "[]" : ""}.`)];
    });
}

/** One row of a README table. */
export interface DocumentedRow {
    readonly argument: string;
    readonly defaultText: string;
    /** The rule ids the row's limit column names (backticked). */
    readonly rules: readonly string[];
    /** The README line, for messages. */
    readonly line: number;
}

export interface DocumentedTable {
    /** The interface the table documents, from the line above it. */
    readonly interfaceName: string;
    readonly line: number;
    readonly rows: readonly DocumentedRow[];
}

/**
 * A table README documents an interface with: a line `**<title>** · `<Interface>` …`, then (after
 * prose, if any) a table whose first column holds each argument as one code span, with a
 * `Default` column and, optionally, an `AWS limit (rule id)` column whose code spans are rule ids.
 */
const TABLE_HEADING = /^\*\*.+?\*\* · `(\w+)`/;
const LIMIT_COLUMN = "AWS limit (rule id)";

function cellsOf(line: string): string[] {
    return line.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((cell) => cell.trim());
}

export function readTables(markdown: string): DocumentedTable[] {
    const lines = markdown.split("\n");
    const tables: DocumentedTable[] = [];
    lines.forEach((text, index) => {
        const heading = TABLE_HEADING.exec(text);
        if (heading === null) {
            return;
        }
        let start = index + 1;
        while (start < lines.length && !lines[start].startsWith("|") && !TABLE_HEADING.test(lines[start]) && !lines[start].startsWith("#")) {
            start++;
        }
        if (start >= lines.length || !lines[start].startsWith("|")) {
            throw new Error(`README.md:${index + 1}: "${text}" is not followed by a table.`);
        }
        const header = cellsOf(lines[start]);
        const defaultColumn = header.indexOf("Default");
        const limitColumn = header.indexOf(LIMIT_COLUMN);
        if (defaultColumn === -1) {
            throw new Error(`README.md:${start + 1}: the table of ${heading[1]} has no "Default" column.`);
        }
        const rows: DocumentedRow[] = [];
        for (let i = start + 2; i < lines.length && lines[i].startsWith("|"); i++) {
            const cells = cellsOf(lines[i]);
            const argument = /^`([^`]+)`$/.exec(cells[0]);
            if (argument === null) {
                throw new Error(`README.md:${i + 1}: the first cell must be one argument in backticks, not "${cells[0]}".`);
            }
            rows.push({
                argument: argument[1],
                defaultText: normaliseDefault(cells[defaultColumn] ?? ""),
                rules: limitColumn === -1 ? [] : [...(cells[limitColumn] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]),
                line: i + 1,
            });
        }
        tables.push({ interfaceName: heading[1], line: index + 1, rows });
    });
    return tables;
}

/** The rule ids components/rules/LIMITS.md lists (first column of its tables). */
export function ruleIdsOfLimits(): Set<string> {
    const limits = fs.readFileSync(path.join(ROOT, "components", "rules", "LIMITS.md"), "utf8");
    const ids = new Set<string>();
    for (const line of limits.split("\n").filter((l) => l.startsWith("| `"))) {
        for (const match of cellsOf(line)[0].matchAll(/`([a-z0-9-]+)`/g)) {
            ids.add(match[1]);
        }
    }
    return ids;
}

/** True when `mention` names a rule of `ids`; `ecs-tag-*` stands for every id it starts. */
export function isKnownRule(mention: string, ids: ReadonlySet<string>): boolean {
    return mention.endsWith("-*")
        ? [...ids].some((id) => id.startsWith(mention.slice(0, -1)))
        : ids.has(mention);
}

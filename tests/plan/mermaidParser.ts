// jsdom ships no types (and @types/jsdom is not installed); this is the one constructor used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as { JSDOM: new (html: string) => { window: { document: unknown } } };

/** What Mermaid's flowchart parser made of a diagram. */
export interface ParsedFlowchart {
    readonly diagramType: string;
    readonly vertices: readonly { readonly id: string; readonly text: string }[];
    readonly edges: readonly { readonly start: string; readonly end: string; readonly text: string; readonly stroke: string }[];
    readonly subgraphs: readonly { readonly title: string; readonly nodes: readonly string[] }[];
}

interface FlowDb {
    getVertices(): Map<string, { id: string; text: string }>;
    getEdges(): { start: string; end: string; text: string; stroke: string }[];
    getSubGraphs(): { title: string; nodes: string[] }[];
}

interface Mermaid {
    parse(text: string): Promise<{ diagramType: string }>;
    mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> };
}

// mermaid 11 is an ES module only. TypeScript compiled to CommonJS (ts-node here) turns
// `import()` into `require()`, which cannot load it, so the import is built at run time.
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<{ default: Mermaid }>;

let loaded: Promise<Mermaid> | undefined;

/** Mermaid itself, in a jsdom window (it sanitises labels with DOMPurify, which needs a DOM). */
function mermaid(): Promise<Mermaid> {
    loaded ??= (async () => {
        const { window } = new JSDOM("<!doctype html><html><body></body></html>");
        Object.assign(globalThis, { window, document: window.document });
        return (await importModule("mermaid")).default;
    })();
    return loaded;
}

/** Parses a diagram with Mermaid (throws Mermaid's own parse error) and returns its flowchart structure. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
    const m = await mermaid();
    const { diagramType } = await m.parse(text);
    const { db } = await m.mermaidAPI.getDiagramFromText(text);
    return {
        diagramType,
        vertices: [...db.getVertices().values()].map(({ id, text: label }) => ({ id, text: label })),
        edges: db.getEdges().map(({ start, end, text: label, stroke }) => ({ start, end, text: label, stroke })),
        subgraphs: db.getSubGraphs().map(({ title, nodes }) => ({ title, nodes: [...nodes] })),
    };
}

import { Finding } from "./finding";

/**
 * Values as a caller may really pass them. TypeScript types stop at the package boundary:
 * JavaScript callers, config strings and other Pulumi languages can hand a rule `"10"` for
 * a number, `null`, or a list. Every rule takes `unknown`, reads it through these helpers,
 * and answers with a finding rather than an exception.
 */

/** How many characters AWS counts in a string: Unicode code points, not UTF-16 units. */
export function characterCount(text: string): number {
    return Array.from(text).length;
}

/**
 * A short, readable rendering of any value for a message: `"abc"`, `12`, `null`, `a list`.
 * NaN (what `Number("abc")` gives a JavaScript caller) is spelled out, since "NaN is not a port"
 * reads like a typo to anyone who does not write JavaScript.
 */
export function describeValue(value: unknown): string {
    switch (typeof value) {
        case "string":
            return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
        case "number":
            return Number.isNaN(value) ? "a not-a-number value" : String(value);
        case "boolean":
        case "bigint":
            return String(value);
        case "undefined":
            return "nothing";
        case "symbol":
            return "a symbol";
        case "function":
            return "a function";
        default:
            return value === null ? "null" : Array.isArray(value) ? "a list" : "an object";
    }
}

/** What kind of value it is, for "... is <kind>, not a number" messages. */
export function kindOf(value: unknown): string {
    switch (typeof value) {
        case "string":
            return `the text ${describeValue(value)}`;
        case "number":
            return Number.isNaN(value) ? describeValue(value) : `the number ${value}`;
        default:
            return describeValue(value);
    }
}

/** True for a plain object used as a map (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of a map, or none when the value is not one. Never throws on odd objects. */
export function entriesOf(value: unknown): [string, unknown][] {
    return isRecord(value) ? Object.entries(value) : [];
}

/** A whole number within an inclusive range. */
export interface WholeNumberRange {
    readonly min: number;
    readonly max: number;
}

/** What a whole-number rule says about itself: its id, what the number is, where the limit comes from, and the advice. */
export interface NumberRuleText {
    readonly rule: string;
    /** The thing counted, as a noun phrase: "The TTL", "The failure threshold". */
    readonly what: string;
    /** Short name of the source, e.g. "Cloud Map API, DnsRecord". */
    readonly source: string;
    readonly fix: string;
}

/**
 * Checks that `value` is a whole number (a JavaScript number, not numeric text) inside
 * `range`. AWS rejects fractions and text where its API says Integer or Long.
 */
export function checkWholeNumber(value: unknown, range: WholeNumberRange, text: NumberRuleText, path: string): Finding[] {
    if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
        return [];
    }
    const problem = typeof value !== "number"
        ? `is ${kindOf(value)}, not a number`
        : !Number.isInteger(value)
            ? `is ${kindOf(value)}, not a whole number`
            : `is ${value}, outside ${range.min}–${range.max}`;
    return [{
        rule: text.rule,
        path,
        message: `${text.what} ${problem}; AWS accepts whole numbers from ${range.min} to ${range.max} (${text.source}).`,
        fix: text.fix,
    }];
}

/** Checks that a value is `true` or `false` (not `"true"`, not `1`). Rule `value-boolean`. */
export function checkBoolean(value: unknown, path: string): Finding[] {
    return typeof value === "boolean"
        ? []
        : [{
            rule: "value-boolean",
            path,
            message: `The setting is ${kindOf(value)}; it must be true or false.`,
            fix: "Pass the boolean true or false, not text or a number.",
        }];
}

/** Checks that a value is a string (not a number, null or a list). Rule `value-string`. */
export function checkText(value: unknown, path: string): Finding[] {
    return typeof value === "string"
        ? []
        : [{
            rule: "value-string",
            path,
            message: `The setting is ${kindOf(value)}; it must be text.`,
            fix: "Pass a string.",
        }];
}

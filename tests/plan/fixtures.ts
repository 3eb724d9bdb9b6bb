import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

/** Fixture Pulumi projects under tests/plan/fixtures/. */
export function fixture(name: "public-namespace" | "throws" | "config-echo" | "unknown-invoke" | "wiring"): string {
    return path.join(__dirname, "fixtures", name);
}

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The 1-based line of `file` that contains `text`, so expectations follow the file. */
export function lineOf(file: string, text: string): number {
    const index = fs.readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(text));
    assert.ok(index >= 0, `${text} is in ${file}`);
    return index + 1;
}

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

export type FixtureName =
    | "public-namespace" | "throws" | "config-echo" | "unknown-invoke" | "unknown-outputs" | "stalls" | "stalls-with-timer"
    | "throws-in-timer" | "late-rejection" | "exits" | "open-handles" | "stack-reference" | "awsx" | "providers" | "imports"
    | "type-error" | "type-error-nocheck" | "esm-ts" | "esm-js" | "cjs-top-level-await" | "wiring" | "slow-timer" | "exit-code";

/** Fixture Pulumi projects under tests/plan/fixtures/. */
export function fixture(name: FixtureName): string {
    return path.join(__dirname, "fixtures", name);
}

/** Fixture policy packs under tests/plan/fixtures/packs/. */
export function fixturePack(name: "hang" | "dies" | "many-findings"): string {
    return path.join(__dirname, "fixtures", "packs", name);
}

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The 1-based line of `file` that contains `text`, so expectations follow the file. */
export function lineOf(file: string, text: string): number {
    const index = fs.readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(text));
    assert.ok(index >= 0, `${text} is in ${file}`);
    return index + 1;
}

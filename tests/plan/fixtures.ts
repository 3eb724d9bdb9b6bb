import * as path from "path";

/** Fixture Pulumi projects under tests/plan/fixtures/. */
export function fixture(name: "public-namespace" | "throws" | "config-echo" | "unknown-invoke"): string {
    return path.join(__dirname, "fixtures", name);
}

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

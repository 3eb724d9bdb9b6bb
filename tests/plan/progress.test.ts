import * as assert from "assert";
import { createProgress } from "../../engine/plan/progress";
import { colourWanted } from "../../engine/plan/style";

/** Collects what is written, posing as a terminal or a pipe. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
    const fake = { isTTY, columns: 80, text: "", write(chunk: string) { fake.text += chunk; return true; } };
    return fake as unknown as NodeJS.WriteStream & { text: string };
}

describe("plan: progress and colour", () => {
    it("writes plain step lines when piped", () => {
        const out = stream(false);
        const progress = createProgress(out, {});
        progress.step("Running program");
        progress.detail("starting policy pack");
        progress.done();
        assert.strictEqual(out.text, "plan: Running program...\nplan:   starting policy pack\n");
    });

    it("draws a spinner line per step on a terminal and closes it with ✔ or ✖", () => {
        const out = stream(true);
        const progress = createProgress(out, { NO_COLOR: "1" });
        progress.step("Loading project");
        progress.step("Running program");
        progress.fail();
        const finished = out.text.split("\n").filter(Boolean).map((line) => line.split("\r\x1b[2K").pop());
        assert.match(finished[0] ?? "", /^✔ Loading project \(\d+\.\d s\)$/);
        assert.match(finished[1] ?? "", /^✖ Running program \(\d+\.\d s\)$/);
        assert.doesNotMatch(out.text, /\x1b\[\d+m/, "NO_COLOR: cursor control only, no colour");
    });

    it("colours only a terminal, and never with NO_COLOR set", () => {
        assert.strictEqual(colourWanted({ isTTY: true }, {}), true);
        assert.strictEqual(colourWanted({ isTTY: true }, { NO_COLOR: "1" }), false);
        assert.strictEqual(colourWanted({ isTTY: false }, {}), false);
    });
});

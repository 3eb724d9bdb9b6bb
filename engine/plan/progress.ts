import { colourWanted, Style, styleFor } from "./style";

/** Step-by-step progress on stderr, so stdout carries only the plan. */
export interface Progress {
    /** Ends the current step (as done) and starts the next. */
    step(title: string): void;
    /** Finer news within the current step. */
    detail(message: string): void;
    /** Ends the current step as done. */
    done(): void;
    /** Ends the current step as failed. */
    fail(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_MS = 80;

/**
 * On a terminal: one spinner line per step, rewritten in place, then a ✔ or ✖ with the
 * step's duration. Piped (CI logs): plain `plan: …` lines, nothing rewritten.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
    return stream.isTTY ? new SpinnerProgress(stream, styleFor(colourWanted(stream, env))) : new LineProgress(stream);
}

class LineProgress implements Progress {
    constructor(private readonly stream: NodeJS.WritableStream) {}

    step(title: string): void {
        this.stream.write(`plan: ${title}...\n`);
    }

    detail(message: string): void {
        this.stream.write(`plan:   ${message}\n`);
    }

    done(): void {}

    fail(): void {}
}

class SpinnerProgress implements Progress {
    private title?: string;
    private note = "";
    private started = 0;
    private frame = 0;
    private timer?: NodeJS.Timeout;

    constructor(private readonly stream: NodeJS.WriteStream, private readonly style: Style) {}

    step(title: string): void {
        this.done();
        this.title = title;
        this.note = "";
        this.started = Date.now();
        // unref: a spinner must never keep the process alive.
        this.timer = setInterval(() => this.draw(), FRAME_MS).unref();
        this.draw();
    }

    detail(message: string): void {
        this.note = message;
        this.draw();
    }

    done(): void {
        this.end(this.style.green("✔"));
    }

    fail(): void {
        this.end(this.style.red("✖"));
    }

    private draw(): void {
        if (this.title === undefined) {
            return;
        }
        this.frame = (this.frame + 1) % FRAMES.length;
        const note = this.note ? this.style.dim(`: ${this.note}`) : "";
        // Cut to the terminal width so the line can be rewritten in place.
        const line = `${this.style.cyan(FRAMES[this.frame])} ${this.title}${note}`;
        this.stream.write(`\r\x1b[2K${truncate(line, this.stream.columns)}`);
    }

    private end(mark: string): void {
        if (this.title === undefined) {
            return;
        }
        clearInterval(this.timer);
        const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
        this.stream.write(`\r\x1b[2K${mark} ${this.title} ${this.style.dim(`(${seconds} s)`)}\n`);
        this.title = undefined;
    }
}

/** Shortens by visible characters only; colour codes are not counted. */
function truncate(line: string, columns: number | undefined): string {
    if (!columns) {
        // Unknown width (0 under some pseudo-terminals): leave the line whole.
        return line;
    }
    let visible = 0;
    let out = "";
    for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
        if (part.startsWith("\x1b[")) {
            out += part;
            continue;
        }
        const room = columns - 1 - visible;
        out += part.slice(0, Math.max(0, room));
        visible += Math.min(part.length, Math.max(0, room));
    }
    return out;
}

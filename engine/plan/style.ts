/** ANSI styling that disappears when colour is off, so callers never branch on it. */
export interface Style {
    readonly bold: (text: string) => string;
    readonly dim: (text: string) => string;
    readonly red: (text: string) => string;
    readonly yellow: (text: string) => string;
    readonly green: (text: string) => string;
    readonly cyan: (text: string) => string;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    return stream.isTTY === true && !env.NO_COLOR;
}

export function styleFor(colour: boolean): Style {
    const sgr = (on: number, off: number) => (text: string): string => (colour ? `\x1b[${on}m${text}\x1b[${off}m` : text);
    return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
}

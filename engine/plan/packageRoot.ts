import * as fs from "fs";
import * as path from "path";

const NAME = "@quickship/cloudmap-discovery";

/** This package's root directory and version, found by walking up from this file (source or compiled). */
export const PACKAGE = findPackage();

function findPackage(): { readonly name: string; readonly root: string; readonly version: string } {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
            if (parsed.name === NAME) {
                return { name: NAME, root: dir, version: parsed.version ?? "0.0.0" };
            }
        }
    }
    throw new Error(`${__dirname} is not inside the ${NAME} package`);
}

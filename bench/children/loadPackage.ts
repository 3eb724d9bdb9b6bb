import { performance } from "perf_hooks";
import { reportToParent } from "../lib/childReport";
import { repoRoot } from "../lib/repoRoot";

/**
 * Loads @pulumi/pulumi and @pulumi/aws, then this package the way a program imports it
 * (its package.json `main`, the compiled dist/components), timing each step in-process:
 * the package's own cost is too small to see in whole-process times.
 */
function main(): void {
    const start = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("@pulumi/pulumi");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("@pulumi/aws");
    const sdkLoaded = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(repoRoot());
    reportToParent({ sdkMs: sdkLoaded - start, packageMs: performance.now() - sdkLoaded });
}

main();

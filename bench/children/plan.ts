import * as path from "path";
import { planProgram } from "../../engine/plan/planProgram";
import { peakRssMb, reportToParent } from "../lib/childReport";
import { repoRoot } from "../lib/repoRoot";

/**
 * One offline plan of the generated platform (bench/scale-project) with `services`
 * services, as `npm run plan -- bench/scale-project --config services=N` makes it: the
 * program under mocks (in a process of its own), then the policy pack (another). Reports the
 * peak RSS of the plan's process and of the program's.
 */
async function main(services: string): Promise<void> {
    const result = await planProgram(path.join(repoRoot(), "bench", "scale-project"), { config: { services } });
    reportToParent({ rssMb: peakRssMb(), programRssMb: result.programPeakRssMb, resources: result.graph.resources.length });
}

void main(process.argv[2]);

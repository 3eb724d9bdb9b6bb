import * as path from "path";
import { planProgram } from "../../engine/plan/planProgram";
import { peakRssMb, reportToParent } from "../lib/childReport";
import { repoRoot } from "../lib/repoRoot";

/**
 * One offline plan of the generated platform (bench/scale-project) with `services`
 * services, as `npm run plan -- bench/scale-project --config services=N` makes it: the
 * program under mocks, then the policy pack. Reports the plan process's peak RSS (the
 * policy pack runs in a process of its own).
 */
async function main(services: string): Promise<void> {
    const result = await planProgram(path.join(repoRoot(), "bench", "scale-project"), { config: { services } });
    reportToParent({ rssMb: peakRssMb(), resources: result.graph.resources.length });
}

void main(process.argv[2]);

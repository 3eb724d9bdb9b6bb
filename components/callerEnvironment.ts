import * as pulumi from "@pulumi/pulumi";
import { checkNewDiscoveryTarget, discoveryEnvironment, DiscoveryTarget } from "./discoveryEnvironment";
import { throwOnFindings } from "./rules";

/**
 * The discovery variables of one calling service, collected as its dependencies are declared —
 * at construction (`talksTo`, `reads`) or later, once both ends exist (`connect`) — and rendered
 * into its task definition once the program has declared them. Like CDK's lazy values: the task
 * definition waits for the rendering, which happens after the current synchronous step of the
 * program (every `connect` written next to the constructors is in it). Each dependency is checked
 * as it is added, so a clash fails at the line that declares it.
 */
export class CallerEnvironment {
    /** The variables, known once the program's declarations are done. */
    readonly variables: pulumi.Output<Record<string, string>>;
    private readonly targets: DiscoveryTarget[] = [];
    private sealed = false;

    constructor(private readonly component: string, private readonly name: string, private readonly ownKeys: readonly string[]) {
        this.variables = pulumi.output(new Promise<Record<string, string>>((resolve) => setImmediate(() => {
            this.sealed = true;
            resolve(discoveryEnvironment(this.targets));
        })));
    }

    /** Adds a dependency; throws a ValidationError naming `path` when its variables would clash. */
    add(target: DiscoveryTarget, path: string): void {
        if (this.sealed) {
            throw new Error(`${this.component} "${this.name}": ${path} was declared after its task definition was rendered. ` +
                "Fix: declare calls (connect) in the same step as the services, not inside an apply() or after an await.");
        }
        throwOnFindings(this.component, this.name, checkNewDiscoveryTarget(this.targets, target, this.ownKeys, path));
        this.targets.push(target);
    }
}

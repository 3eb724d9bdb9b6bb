import * as assert from "assert";
import { DiscoverableService, DiscoverableServiceArgs, PrivateDnsNamespace } from "../../components";
import { AwsMocks } from "../../engine/awsMocks";
import { loadProject } from "../../engine/plan/loadProject";
import { ProgramRun, runUnderMocks, RunUnderMocksOptions } from "../../engine/runUnderMocks";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";

export const NAMESPACE = { namespaceId: "ns-0123456789abcdef", name: "quickship.local" };

/** Runs `program` under the AWS mocks and returns the recorded graph. */
export async function graphOf(program: () => unknown, options?: RunUnderMocksOptions): Promise<ResourceGraph> {
    return (await runUnderMocks(() => { program(); }, options)).graph;
}

/** Asserts that `program` throws at construction with a message matching every pattern. */
export async function assertRejects(program: () => unknown, ...patterns: RegExp[]): Promise<void> {
    await assert.rejects(runUnderMocks(() => { program(); }), (err: Error) => {
        for (const pattern of patterns) {
            assert.match(err.message, pattern);
        }
        return true;
    });
}

/** A DNS service in the test namespace. */
export function srvService(name: string, extra: Partial<DiscoverableServiceArgs> = {}): DiscoverableService {
    return new DiscoverableService(name, { name, namespace: NAMESPACE, ...extra });
}

export function namespaceOf(name: string): PrivateDnsNamespace {
    return new PrivateDnsNamespace(name, { name, vpcId: "vpc-0123456789abcdef0" });
}

/** Every AWS resource (custom, not a provider) must sit under a component of this package. */
export function assertParentedByComponents(graph: ResourceGraph): void {
    const orphans = graph.resources.filter((r: RecordedResource) =>
        r.custom && !r.type.startsWith("pulumi:providers:") && !graph.get(r.parent ?? "")?.type.startsWith("cloudmap-discovery:index:"));
    assert.deepStrictEqual(orphans.map((r) => `${r.type} ${r.name}`), []);
}

/**
 * Runs an example project (its Pulumi.yaml `main`, with its Pulumi.dev.yaml config) under the
 * strict AWS mocks, requiring it afresh so its top-level code declares its resources again.
 */
export async function runExample(dir: string, config: Record<string, string> = {}): Promise<ProgramRun> {
    const project = loadProject(dir, { config });
    const main = require.resolve(project.main);
    return runUnderMocks(() => {
        delete require.cache[main];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(main);
    }, { project: project.name, config: project.config, mocks: new AwsMocks({ region: project.config["aws:region"] }) });
}

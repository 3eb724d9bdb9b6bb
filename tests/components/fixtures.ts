import * as assert from "assert";
import { DiscoverableService, DiscoverableServiceArgs, PrivateDnsNamespace } from "../../components";
import { runUnderMocks, RunUnderMocksOptions } from "../../engine/runUnderMocks";
import { RecordedResource, ResourceGraph } from "../../engine/resourceGraph";

export const NAMESPACE = { id: "ns-0123456789abcdef", name: "quickship.local" };

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

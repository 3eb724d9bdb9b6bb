import { isSdkUnknown } from "./wireProperties";

/**
 * Outputs of remote (multi-language) components, as their provider would report them.
 *
 * A remote component's children are created by its provider plugin at deploy time, so under
 * mocks a program sees the component alone and every output is unknown. For the components
 * whose outputs programs commonly pass on, these models give the values the component would
 * report, so what is built from them is planned with values rather than holes. The
 * component's children stay out of the graph either way: the plan reports them as not
 * analysed.
 */
export type RemoteComponentModel = (name: string, inputs: Record<string, unknown>, hex: (seed: string, n: number) => string) => Record<string, unknown>;

/** The default VPC and subnets the mocks' `aws.ec2.getVpc`/`getSubnets` invokes answer with. */
export const DEFAULT_VPC_ID = "vpc-0default000000000";
export function defaultSubnetIds(zones: number): string[] {
    return Array.from({ length: zones }, (_, i) => `subnet-0default00000000${i}`);
}

/** The availability zones the mocks' regions have (`a`, `b`, `c`). */
export const MOCK_ZONES = 3;

/**
 * `awsx.ec2.Vpc` (@pulumi/awsx 3.x, `awsx:ec2:Vpc`): subnets per availability zone for each
 * subnet spec, by default one private and one public subnet in each of the region's first
 * three zones (the `numberOfAvailabilityZones` and `subnetSpecs` defaults documented in
 * awsx's `VpcArgs`). The subnet ids are listed per type, zone by zone, as awsx lists them.
 * Resource-valued outputs (`vpc`, `subnets`, `natGateways`, …) stay unknown: the resources
 * behind them are not in the graph. awsx leaves `enableDnsHostnames` off unless set
 * (`VpcArgs.enableDnsHostnames`: "Defaults false"); the model does not change inputs.
 */
const awsxVpc: RemoteComponentModel = (name, inputs, hex) => {
    const zoneNames = inputs.availabilityZoneNames;
    const zoneCount = inputs.numberOfAvailabilityZones;
    const specs = inputs.subnetSpecs;
    if ([zoneNames, zoneCount, specs].some(isSdkUnknown)) {
        return {};
    }
    const zones = Array.isArray(zoneNames) ? zoneNames.length : typeof zoneCount === "number" ? zoneCount : MOCK_ZONES;
    const types = Array.isArray(specs)
        ? specs.map((spec) => String((spec as { type?: unknown } | null)?.type ?? "Private"))
        : ["Private", "Public"];
    const idsOf = (type: string): string[] => types.flatMap((t, spec) => (t === type
        ? Array.from({ length: zones }, (_, zone) => `subnet-${hex(`${name}:${spec}:${zone}`, 17)}`)
        : []));
    return {
        vpcId: `vpc-${hex(name, 17)}`,
        privateSubnetIds: idsOf("Private"),
        publicSubnetIds: idsOf("Public"),
        isolatedSubnetIds: idsOf("Isolated"),
    };
};

/**
 * `awsx.ec2.DefaultVpc` (`awsx:ec2:DefaultVpc`): the region's default VPC, whose subnets are
 * all public (one per zone), the same VPC the mocks' `getVpc({ default: true })` returns.
 */
const awsxDefaultVpc: RemoteComponentModel = () => ({
    vpcId: DEFAULT_VPC_ID,
    privateSubnetIds: [],
    publicSubnetIds: defaultSubnetIds(MOCK_ZONES),
});

export const REMOTE_COMPONENT_MODELS: Readonly<Record<string, RemoteComponentModel>> = {
    "awsx:ec2:Vpc": awsxVpc,
    "awsx:ec2:DefaultVpc": awsxDefaultVpc,
};

/** The output names a remote component type's model provides (empty when it has none). */
export function modelledOutputsOf(type: string): string[] {
    const model = REMOTE_COMPONENT_MODELS[type];
    return model === undefined ? [] : Object.keys(model("name", {}, () => "0"));
}

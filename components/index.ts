/**
 * Pulumi components for AWS Cloud Map service discovery between ECS Fargate services.
 */
export { PrivateDnsNamespace, PrivateDnsNamespaceArgs } from "./privateDnsNamespace";
export { HttpNamespace, HttpNamespaceArgs } from "./httpNamespace";
export {
    DiscoverableService, DiscoverableServiceArgs, Route53HealthCheckArgs, RegistryContainerArgs, ServiceRegistryBlock, DEFAULT_TTL_SECONDS,
} from "./discoverableService";
export { DiscoverableFargateService } from "./discoverableFargateService";
export {
    DiscoverableFargateServiceArgs, ContainerArgs, ContainerSecretArgs, ContainerHealthCheckArgs, CapacityProviderStrategyItemArgs,
    DeploymentCircuitBreakerArgs, ServiceConnectArgs, ServiceConnectTlsArgs,
} from "./fargateServiceArgs";
export { ServiceEdge, ServiceEdgeArgs, connect, ConnectOptions } from "./serviceEdge";
export { RegisteredResource, RegisteredResourceArgs } from "./registeredResource";
export { DiscoveryNetwork, DiscoveryNetworkArgs } from "./discoveryNetwork";
export { QuickShipTopology, QuickShipTopologyArgs, QuickShipService } from "./quickShipTopology";
export { NamespaceRef, CloudMapServiceRef, ServicePeer, ServiceConnectEndpoint, ReadableResource, ClusterRef, ExistingNetwork } from "./refs";
export { peerFromEcsService, peerFromAwsxFargateService, networkFromAwsxVpc, PeerArgs, AwsxFargateServiceLike, AwsxVpcLike } from "./peers";
export { discoveryEnvironment, environmentPrefix, DiscoveryTarget } from "./discoveryEnvironment";
export { PolicyStatement, policyDocument, discoverInstancesStatement, dynamoDbReadStatement, sqsConsumeStatement } from "./iamStatements";
export {
    DnsRecordType, RoutingPolicy, NamespaceKind, HealthReporting, Route53HealthCheckType, CpuArchitecture, FargateCapacityProvider, PolicyEffect,
    DiscoveryMode, AppProtocol,
} from "./rules/enums";
export { PACKAGE_NAME, typeToken } from "./typeToken";
export * as rules from "./rules";

/**
 * Pulumi components for AWS Cloud Map service discovery between ECS Fargate services.
 */
export { PrivateDnsNamespace, PrivateDnsNamespaceArgs } from "./privateDnsNamespace";
export { DiscoverableService, DiscoverableServiceArgs, NamespaceRef, DEFAULT_TTL_SECONDS } from "./discoverableService";
export { DiscoverableFargateService, DiscoverableFargateServiceArgs, ContainerArgs, ClusterRef } from "./discoverableFargateService";
export { RegisteredResource, RegisteredResourceArgs } from "./registeredResource";
export { DiscoveryNetwork, DiscoveryNetworkArgs } from "./discoveryNetwork";
export { QuickShipTopology, QuickShipTopologyArgs, ExistingNetwork } from "./quickShipTopology";
export { discoveryEnvironment, environmentPrefix, DiscoveryTarget } from "./discoveryEnvironment";
export { PolicyStatement, policyDocument, discoverInstancesStatement, dynamoDbReadStatement } from "./iamStatements";
export { PACKAGE_NAME, typeToken } from "./typeToken";
export * as rules from "./rules";

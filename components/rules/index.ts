/**
 * The rulebook: AWS's rules for Cloud Map and ECS service discovery, written once.
 * Components call these to refuse bad arguments; the policy pack calls them to flag bad
 * resources. Every function is pure and returns findings rather than throwing.
 */
export * from "./finding";
export * from "./cloudMapShapes";
export * from "./dnsNames";
export * from "./dnsRecords";
export * from "./healthChecks";
export * from "./instanceAttributes";
export * from "./serviceRegistries";
export * from "./iamGrants";
export * from "./networkExposure";
export * from "./tableProtection";
export * from "./staleness";
export * from "./fargateTask";
export * from "./enums";
export * from "./vpcDnsAttributes";
export * from "./httpNamespaceName";
export * from "./containerHealthCheck";
export * from "./capacityProviders";
export * from "./ecsDeployment";
export * from "./containerSecrets";
export * from "./serviceConnect";

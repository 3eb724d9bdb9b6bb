/**
 * The rulebook: AWS's rules for Cloud Map and ECS service discovery, written once.
 * Components call these to refuse bad arguments; the policy pack calls them to flag bad
 * resources. Every function is pure, accepts values of any type, and returns findings
 * rather than throwing. components/rules/LIMITS.md lists every rule id with its source.
 */
export * from "./finding";
export * from "./paths";
export * from "./values";
export * from "./cloudMapShapes";
export * from "./dnsNames";
export * from "./dnsRecords";
export * from "./healthChecks";
export * from "./route53HealthCheck";
export * from "./instanceAttributes";
export * from "./instanceRecords";
export * from "./serviceNamesUnique";
export * from "./serviceRegistries";
export * from "./iamGrants";
export * from "./networkExposure";
export * from "./tableProtection";
export * from "./staleness";
export * from "./fargateTask";
export * from "./tags";
export * from "./descriptions";
export * from "./arns";
export * from "./resourceIds";
export * from "./logGroups";
export * from "./enums";
export * from "./vpcDnsAttributes";
export * from "./httpNamespaceName";
export * from "./containerHealthCheck";
export * from "./capacityProviders";
export * from "./ecsDeployment";
export * from "./containerSecrets";
export * from "./serviceConnect";
export * from "./dynamodbTableName";

/**
 * Pulumi type tokens of the AWS resources the policies inspect. The pack matches on tokens
 * rather than importing @pulumi/aws, which would add seconds to every engine start.
 */
export const TYPES = {
    privateDnsNamespace: "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
    publicDnsNamespace: "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace",
    httpNamespace: "aws:servicediscovery/httpNamespace:HttpNamespace",
    cloudMapService: "aws:servicediscovery/service:Service",
    cloudMapInstance: "aws:servicediscovery/instance:Instance",
    ecsService: "aws:ecs/service:Service",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    dynamodbTable: "aws:dynamodb/table:Table",
} as const;

/** Type tokens of the resources the wiring and the reports read, named once. */
export const TYPES = {
    stack: "pulumi:pulumi:Stack",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    securityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    subnet: "aws:ec2/subnet:Subnet",
    ecsService: "aws:ecs/service:Service",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    lambdaFunction: "aws:lambda/function:Function",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    cloudMapService: "aws:servicediscovery/service:Service",
    cloudMapInstance: "aws:servicediscovery/instance:Instance",
} as const;

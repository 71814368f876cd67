namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>An Application Load Balancer.</summary>
public sealed record Elbv2LoadBalancer(
    string Arn,
    string Name,
    string Region,
    string Scheme,
    string DnsName,
    string CanonicalHostedZoneId,
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    string SecurityGroupId,
    DateTimeOffset CreatedTime);

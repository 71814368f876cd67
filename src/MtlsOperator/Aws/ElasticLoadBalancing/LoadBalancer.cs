namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>The parts of an ELBv2 load balancer the operator reads.</summary>
public sealed record LoadBalancer(string Arn, string Name, string Type, string? Scheme, string? DnsName, string? CanonicalHostedZoneId, string? VpcId, string? State);

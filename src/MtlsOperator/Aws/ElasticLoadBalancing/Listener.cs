namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>The parts of an ELBv2 listener the operator reads.</summary>
public sealed record Listener(string Arn, string LoadBalancerArn, int Port, string Protocol, string? SslPolicy, MutualAuthentication? MutualAuthentication);

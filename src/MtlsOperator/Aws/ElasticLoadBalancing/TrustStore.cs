namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>An ELBv2 trust store as AWS reports it.</summary>
/// <remarks><c>Status</c> is <c>ACTIVE</c> or <c>CREATING</c>.</remarks>
public sealed record TrustStore(string Name, string Arn, string Status, int NumberOfCaCertificates, long TotalRevokedEntries)
{
    /// <summary>True once the trust store can be attached to listeners.</summary>
    public bool IsActive => string.Equals(Status, "ACTIVE", StringComparison.Ordinal);
}

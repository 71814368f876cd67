namespace MtlsOperator.Aws;

/// <summary>Where and as whom a resource's AWS calls go: its region, and the role to assume (cross-account), if any.</summary>
/// <remarks>
/// <c>Region</c> null means the operator's default region. <c>Resource</c> (for example <c>TrustStore/payments/partners</c>)
/// names the AssumeRole session so CloudTrail shows which resource acted.
/// </remarks>
public sealed record AwsTarget(string? Region = null, string? RoleArn = null, string? ExternalId = null, string? Resource = null)
{
    /// <summary>The operator's default region and identity.</summary>
    public static AwsTarget Default { get; } = new();
}

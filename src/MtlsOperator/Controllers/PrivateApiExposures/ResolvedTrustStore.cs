namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>What a Ready TrustStore publishes for exposures: the ELBv2 trust store and the bundle's S3 object version.</summary>
public sealed record ResolvedTrustStore(string Name, string? TrustStoreArn, string? S3Uri, string? S3ObjectVersion);

namespace MtlsOperator.Aws.PrivateCa;

/// <summary>Where a private CA publishes its certificate revocation list (S3 bucket, optional CNAME and path).</summary>
public sealed record CrlConfiguration(bool Enabled, string? S3BucketName, string? CustomCname, string? CustomPath, int? ExpirationInDays, string? CrlType);

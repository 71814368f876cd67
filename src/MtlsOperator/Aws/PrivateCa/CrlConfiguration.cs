namespace MtlsOperator.Aws.PrivateCa;

/// <summary>Where a private CA publishes its certificate revocation list (S3 bucket, optional CNAME and path).</summary>
/// <remarks>
/// <c>CrlType</c> is COMPLETE or PARTITIONED; <c>S3ObjectAcl</c> is PUBLIC_READ or BUCKET_OWNER_FULL_CONTROL (null: AWS's
/// default, PUBLIC_READ); <c>OmitExtension</c> is CrlDistributionPointExtensionConfiguration.OmitExtension (true: issued
/// certificates carry no CRL distribution point).
/// </remarks>
public sealed record CrlConfiguration(
    bool Enabled,
    string? S3BucketName,
    string? CustomCname,
    string? CustomPath,
    int? ExpirationInDays,
    string? CrlType,
    string? S3ObjectAcl = null,
    bool? OmitExtension = null);

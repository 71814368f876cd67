namespace MtlsOperator.Aws.PrivateCa;

/// <summary>A private CA as AWS describes it.</summary>
/// <remarks><c>Type</c> is ROOT or SUBORDINATE; <c>Status</c> ACTIVE, CREATING, PENDING_CERTIFICATE, DISABLED, EXPIRED, FAILED or DELETED.</remarks>
public sealed record CertificateAuthority(
    string Arn,
    string Type,
    string Status,
    string? Serial,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    string? KeyAlgorithm,
    string? SigningAlgorithm,
    string? UsageMode,
    CrlConfiguration? Crl)
{
    /// <summary>True when the CA can issue certificates.</summary>
    public bool IsActive => string.Equals(Status, "ACTIVE", StringComparison.Ordinal);
}

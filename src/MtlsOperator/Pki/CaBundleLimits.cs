namespace MtlsOperator.Pki;

/// <summary>The limits a CA bundle is checked against; the defaults are the ALB and API Gateway quotas.</summary>
/// <param name="MaxCertificates">CA certificates per ALB trust store (25).</param>
/// <param name="MaxCertificateBytes">DER size of one CA certificate (16 KB).</param>
/// <param name="MaxChainDepth">CA certificates from a root to the deepest intermediate in the bundle (4).</param>
/// <param name="MaxSubjectBytes">Total DER size of all CA subjects an ALB advertises (10000).</param>
/// <param name="ExpiryWarning">A CA expiring sooner than this gets a warning (30 days).</param>
/// <param name="MinRsaKeyBits">Smallest RSA key AWS accepts for mTLS (2048).</param>
public sealed record CaBundleLimits(
    int MaxCertificates,
    int MaxCertificateBytes,
    int MaxChainDepth,
    int MaxSubjectBytes,
    TimeSpan ExpiryWarning,
    int MinRsaKeyBits)
{
    /// <summary>The AWS quotas for ALB trust stores and API Gateway truststores.</summary>
    public static CaBundleLimits Aws { get; } = new(25, 16 * 1024, 4, 10000, TimeSpan.FromDays(30), 2048);
}

namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>A listener's mutual TLS settings.</summary>
/// <remarks>
/// <c>Mode</c> is <c>off</c>, <c>passthrough</c> or <c>verify</c>; the trust store, expiry and CA-name settings apply to
/// <c>verify</c> only. <c>AdvertiseTrustStoreCaNames</c> is <c>on</c> or <c>off</c>. <c>TrustStoreAssociationStatus</c>
/// (<c>active</c>/<c>removed</c>) is reported by AWS and ignored on modify.
/// </remarks>
public sealed record MutualAuthentication(
    string Mode,
    string? TrustStoreArn = null,
    bool? IgnoreClientCertificateExpiry = null,
    string? AdvertiseTrustStoreCaNames = null,
    string? TrustStoreAssociationStatus = null)
{
    /// <summary>Mutual TLS switched off.</summary>
    public static MutualAuthentication Off { get; } = new("off");
}

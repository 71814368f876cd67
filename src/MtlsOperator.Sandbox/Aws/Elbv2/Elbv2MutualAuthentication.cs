namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>A listener's mutual TLS settings: mode <c>off</c>, <c>passthrough</c> or <c>verify</c>, and for verify the trust store.</summary>
public sealed record Elbv2MutualAuthentication(
    string Mode,
    string? TrustStoreArn = null,
    bool IgnoreClientCertificateExpiry = false,
    string AdvertiseTrustStoreCaNames = "off")
{
    /// <summary>Mutual TLS switched off.</summary>
    public static Elbv2MutualAuthentication Off { get; } = new("off");
}

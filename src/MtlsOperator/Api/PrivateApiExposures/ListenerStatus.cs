using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>An ALB listener's mutual authentication as AWS reports it.</summary>
public sealed record ListenerStatus
{
    [JsonPropertyName("mode")]
    [Description("off, passthrough or verify.")]
    public string? Mode { get; init; }

    [JsonPropertyName("trustStoreArn")]
    [Description("Trust store the listener verifies against.")]
    public string? TrustStoreArn { get; init; }

    [JsonPropertyName("trustStoreAssociationStatus")]
    [Description("active or removed: removed means a shared trust store is no longer shared with this account.")]
    public string? TrustStoreAssociationStatus { get; init; }

    [JsonPropertyName("ignoreClientCertificateExpiry")]
    [Description("Whether expired client certificates are accepted.")]
    public bool? IgnoreClientCertificateExpiry { get; init; }

    [JsonPropertyName("advertiseTrustStoreCaNames")]
    [Description("on or off.")]
    public string? AdvertiseTrustStoreCaNames { get; init; }
}

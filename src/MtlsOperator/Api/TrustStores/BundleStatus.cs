using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The CA bundle as stored in S3.</summary>
public sealed record BundleStatus
{
    [JsonPropertyName("s3Uri")]
    [Description("s3://bucket/key of the bundle: the truststoreUri for API Gateway custom domains.")]
    public string? S3Uri { get; init; }

    [JsonPropertyName("s3ObjectVersion")]
    [Description("S3 version id of the current bundle: the truststoreVersion for API Gateway custom domains.")]
    public string? S3ObjectVersion { get; init; }

    [JsonPropertyName("sha256")]
    [Description("Lowercase hex SHA-256 of the canonical bundle bytes.")]
    public string? Sha256 { get; init; }

    [JsonPropertyName("certificates")]
    [Description("Number of CA certificates in the bundle.")]
    public int? Certificates { get; init; }

    [JsonPropertyName("notAfter")]
    [Description("Earliest expiry (notAfter) among the bundle's certificates, RFC 3339.")]
    public DateTimeOffset? NotAfter { get; init; }
}

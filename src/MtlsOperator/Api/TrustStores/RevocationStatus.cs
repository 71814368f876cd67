using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>One revocation list in the trust store.</summary>
public sealed record RevocationStatus
{
    [JsonPropertyName("source")]
    [Description("Which spec.revocation entry this list comes from: the Private CA ARN or secret/<name>/<key>.")]
    public string? Source { get; init; }

    [JsonPropertyName("revocationId")]
    [Description("Id ELBv2 gave the revocation list (AddTrustStoreRevocations).")]
    public long? RevocationId { get; init; }

    [JsonPropertyName("s3Uri")]
    [Description("s3://bucket/key of the PEM CRL the trust store was given.")]
    public string? S3Uri { get; init; }

    [JsonPropertyName("s3ObjectVersion")]
    [Description("S3 version id of that CRL object.")]
    public string? S3ObjectVersion { get; init; }

    [JsonPropertyName("issuer")]
    [Description("Distinguished name of the CRL's issuer.")]
    public string? Issuer { get; init; }

    [JsonPropertyName("crlNumber")]
    [Description("The CRL's cRLNumber extension, in decimal (it can exceed 64 bits).")]
    public string? CrlNumber { get; init; }

    [JsonPropertyName("entries")]
    [Description("Number of revoked certificates in the list.")]
    public int? Entries { get; init; }

    [JsonPropertyName("thisUpdate")]
    [Description("When the CRL was issued, RFC 3339.")]
    public DateTimeOffset? ThisUpdate { get; init; }

    [JsonPropertyName("nextUpdate")]
    [Description("When the issuer promises the next CRL, RFC 3339; a CRL past this time is stale (see the alert).")]
    public DateTimeOffset? NextUpdate { get; init; }
}

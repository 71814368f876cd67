using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The S3 object holding a trust store's PEM bundle.</summary>
public sealed record BundleLocation
{
    [JsonPropertyName("s3Bucket")]
    [Required]
    [Pattern(AwsPatterns.S3BucketName)]
    [Length(3, 63)]
    [Immutable("objects already written would be orphaned; create a new TrustStore instead")]
    [Description("Name of a versioned S3 bucket in the trust store's region. Immutable.")]
    public string S3Bucket { get; init; } = "";

    [JsonPropertyName("s3Key")]
    [Required]
    [Pattern(AwsPatterns.S3Key)]
    [Length(1, 1024)]
    [Immutable("objects already written would be orphaned; create a new TrustStore instead")]
    [Description("Object key of the bundle, e.g. truststores/partners.pem. Revocation lists are written next to it "
        + "(<s3Key>.crl/<n>.pem). Immutable.")]
    public string S3Key { get; init; } = "";
}

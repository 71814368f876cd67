using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The CRL of one AWS Private CA certificate authority.</summary>
public sealed record PrivateCaCrlSource
{
    [JsonPropertyName("arn")]
    [Required]
    [Pattern(AwsPatterns.PrivateCaArn)]
    [Length(20, 200)]
    [Description("ARN of the certificate authority whose published CRL is copied into the trust store.")]
    public string Arn { get; init; } = "";
}

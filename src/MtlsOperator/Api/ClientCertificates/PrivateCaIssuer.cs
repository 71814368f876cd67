using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>An AWS Private CA certificate authority as an issuer.</summary>
public sealed record PrivateCaIssuer
{
    [JsonPropertyName("arn")]
    [Required]
    [Pattern(AwsPatterns.PrivateCaArn)]
    [Length(20, 200)]
    [Description("ARN of the certificate authority. It must be ACTIVE.")]
    public string Arn { get; init; } = "";

    [JsonPropertyName("templateArn")]
    [Pattern(AwsPatterns.PrivateCaTemplateArn)]
    [Length(20, 200)]
    [Description("Certificate template. Defaults to arn:<partition>:acm-pca:::template/EndEntityClientAuthCertificate/V1 "
        + "(client auth), or EndEntityCertificate/V1 when usages include server auth.")]
    public string? TemplateArn { get; init; }

    [JsonPropertyName("signingAlgorithm")]
    [Description("Signing algorithm. Defaults to SHA256WITHECDSA for an EC CA and SHA256WITHRSA for an RSA CA; it must match the CA's key.")]
    public SigningAlgorithm? SigningAlgorithm { get; init; }

    [JsonPropertyName("region")]
    [Pattern(AwsPatterns.Region)]
    [Length(9, 25)]
    [Description("Region to call Private CA in. Defaults to the region in arn.")]
    public string? Region { get; init; }

    [JsonPropertyName("roleArn")]
    [Pattern(AwsPatterns.IamRoleArn)]
    [Length(20, 2048)]
    [Description("IAM role to assume for the Private CA calls, e.g. for a CA shared from another account.")]
    public string? RoleArn { get; init; }
}

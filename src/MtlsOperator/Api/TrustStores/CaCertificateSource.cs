using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>One source of CA certificates for a trust store; exactly one field is set.</summary>
[ExactlyOneOf("inline", "secretRef", "configMapRef", "privateCaArn")]
public sealed record CaCertificateSource
{
    [JsonPropertyName("inline")]
    [Length(1, 409600)]
    [Description("PEM text of one or more CA certificates.")]
    public string? Inline { get; init; }

    [JsonPropertyName("secretRef")]
    [Description("A key of a Secret holding PEM CA certificates (e.g. ca.crt of a kubernetes.io/tls Secret).")]
    public SecretKeyReference? SecretRef { get; init; }

    [JsonPropertyName("configMapRef")]
    [Description("A key of a ConfigMap holding PEM CA certificates.")]
    public ConfigMapKeyReference? ConfigMapRef { get; init; }

    [JsonPropertyName("privateCaArn")]
    [Pattern(AwsPatterns.PrivateCaArn)]
    [Length(20, 200)]
    [Description("ARN of an AWS Private CA certificate authority; the operator fetches its certificate and chain "
        + "(acm-pca:GetCertificateAuthorityCertificate).")]
    public string? PrivateCaArn { get; init; }
}

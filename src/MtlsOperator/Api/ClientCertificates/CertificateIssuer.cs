using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The CA that signs a client certificate; exactly one field is set.</summary>
[ExactlyOneOf("privateCa", "caSecretRef")]
public sealed record CertificateIssuer
{
    [JsonPropertyName("privateCa")]
    [Description("Issue with AWS Private CA (acm-pca:IssueCertificate).")]
    public PrivateCaIssuer? PrivateCa { get; init; }

    [JsonPropertyName("caSecretRef")]
    [Description("Sign in the operator with a CA key pair held in a kubernetes.io/tls Secret of this namespace (tls.crt, tls.key). "
        + "Meant for development and tests; prefer Private CA in production.")]
    public LocalObjectReference? CaSecretRef { get; init; }
}

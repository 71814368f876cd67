using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>One certificate revocation list to keep in the trust store; exactly one field is set.</summary>
[ExactlyOneOf("privateCaCrl", "secretRef")]
public sealed record RevocationSource
{
    [JsonPropertyName("privateCaCrl")]
    [Description("The CRL an AWS Private CA publishes to S3 (its RevocationConfiguration.CrlConfiguration must be enabled).")]
    public PrivateCaCrlSource? PrivateCaCrl { get; init; }

    [JsonPropertyName("secretRef")]
    [Description("A key of a Secret holding a CRL in PEM or DER, e.g. one a Secret-backed CA issuer maintains.")]
    public SecretKeyReference? SecretRef { get; init; }
}

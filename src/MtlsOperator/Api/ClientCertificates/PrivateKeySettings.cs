using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>How the operator generates the certificate's key pair.</summary>
[ValidationRule(typeof(KeySizeMatchesAlgorithmRule))]
public sealed record PrivateKeySettings
{
    [JsonPropertyName("algorithm")]
    [Description("Key algorithm: ECDSA (default) or RSA.")]
    public PrivateKeyAlgorithm Algorithm { get; init; } = PrivateKeyAlgorithm.Ecdsa;

    [JsonPropertyName("size")]
    [Description("Key size: 256 (default) or 384 for ECDSA (curve P-256 or P-384); 2048 (default), 3072 or 4096 bits for RSA.")]
    public int? Size { get; init; }

    [JsonPropertyName("rotationPolicy")]
    [Description("Always generates a new key at each issuance and renewal; Never reuses the key in the existing Secret.")]
    public RotationPolicy RotationPolicy { get; init; } = RotationPolicy.Always;

    /// <summary>The size to use when <see cref="Size"/> is not set.</summary>
    public int EffectiveSize => Size ?? (Algorithm == PrivateKeyAlgorithm.Rsa ? 2048 : 256);
}

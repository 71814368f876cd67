using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The key size must be one the algorithm supports (ECDSA P-256/P-384, RSA 2048/3072/4096).</summary>
public sealed class KeySizeMatchesAlgorithmRule : ValidationRule<PrivateKeySettings>
{
    public override string Expression =>
        "!has(self.size) || ((has(self.algorithm) && self.algorithm == 'RSA') ? self.size in [2048, 3072, 4096] : self.size in [256, 384])";

    public override string Message => "size must be 256 or 384 for ECDSA, and 2048, 3072 or 4096 for RSA";

    public override string? FieldPath => ".size";

    public override bool IsSatisfiedBy(PrivateKeySettings self) => self.Size switch
    {
        null => true,
        var size when self.Algorithm == PrivateKeyAlgorithm.Rsa => size is 2048 or 3072 or 4096,
        var size => size is 256 or 384,
    };
}

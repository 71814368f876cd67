namespace MtlsOperator.Pki;

/// <summary>The private key a client certificate should have: RSA 2048/3072/4096 or ECDSA 256/384.</summary>
/// <param name="Algorithm">RSA or ECDSA.</param>
/// <param name="Size">RSA modulus bits, or the ECDSA curve size (256 for P-256, 384 for P-384).</param>
public sealed record PrivateKeySpec(KeyAlgorithm Algorithm, int Size)
{
    /// <summary>ECDSA P-256: small, fast, accepted everywhere AWS does mTLS.</summary>
    public static PrivateKeySpec EcdsaP256 { get; } = new(KeyAlgorithm.Ecdsa, 256);

    /// <summary>RSA 2048, cert-manager's default.</summary>
    public static PrivateKeySpec Rsa2048 { get; } = new(KeyAlgorithm.Rsa, 2048);

    /// <summary>True when the operator can generate this key.</summary>
    public bool IsSupported => Algorithm switch
    {
        KeyAlgorithm.Rsa => Size is 2048 or 3072 or 4096,
        KeyAlgorithm.Ecdsa => Size is 256 or 384,
        _ => false,
    };

    /// <summary>A short name for messages, e.g. <c>RSA 2048</c> or <c>ECDSA P-256</c>.</summary>
    public string Description => Algorithm == KeyAlgorithm.Rsa ? $"RSA {Size}" : $"ECDSA P-{Size}";

    /// <summary>A problem naming <paramref name="field"/> when the spec is unsupported, else null.</summary>
    public PkiProblem? Check(string field) => IsSupported
        ? null
        : new PkiProblem(PkiProblemCode.UnsupportedKeySpec, field,
            $"{Algorithm} {Size} is not supported; use RSA with size 2048, 3072 or 4096, or ECDSA with size 256 or 384");
}

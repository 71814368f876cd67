using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>A CA key pair of one of Private CA's key algorithms and the signing algorithms it supports.</summary>
internal sealed class CaKey : IDisposable
{
    private CaKey(string keyAlgorithm, AsymmetricAlgorithm key)
    {
        KeyAlgorithm = keyAlgorithm;
        Key = key;
    }

    /// <summary>e.g. <c>RSA_2048</c>, <c>EC_prime256v1</c>.</summary>
    public string KeyAlgorithm { get; }

    /// <summary>The private key.</summary>
    public AsymmetricAlgorithm Key { get; }

    public bool IsRsa => Key is RSA;

    /// <summary>Generates a key of a modeled algorithm; others are <c>InvalidArgsException</c>.</summary>
    public static CaKey Generate(string keyAlgorithm) => keyAlgorithm switch
    {
        "RSA_2048" => new(keyAlgorithm, RSA.Create(2048)),
        "RSA_3072" => new(keyAlgorithm, RSA.Create(3072)),
        "RSA_4096" => new(keyAlgorithm, RSA.Create(4096)),
        "EC_prime256v1" => new(keyAlgorithm, ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        "EC_secp384r1" => new(keyAlgorithm, ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        "EC_secp521r1" => new(keyAlgorithm, ECDsa.Create(ECCurve.NamedCurves.nistP521)),
        _ => throw new AwsServiceException("InvalidArgsException", $"Key algorithm '{keyAlgorithm}' is not supported by this endpoint"),
    };

    /// <summary>The hash of a signing algorithm, checked against this key's family.</summary>
    public HashAlgorithmName HashFor(string signingAlgorithm)
    {
        var (rsa, hash) = signingAlgorithm switch
        {
            "SHA256WITHRSA" => (true, HashAlgorithmName.SHA256),
            "SHA384WITHRSA" => (true, HashAlgorithmName.SHA384),
            "SHA512WITHRSA" => (true, HashAlgorithmName.SHA512),
            "SHA256WITHECDSA" => (false, HashAlgorithmName.SHA256),
            "SHA384WITHECDSA" => (false, HashAlgorithmName.SHA384),
            "SHA512WITHECDSA" => (false, HashAlgorithmName.SHA512),
            "SM3WITHSM2" or "ML_DSA_44" or "ML_DSA_65" or "ML_DSA_87" => throw new AwsServiceException("InvalidArgsException", $"Signing algorithm '{signingAlgorithm}' is not supported by this CA's key"),
            _ => throw new AwsServiceException(
                "ValidationException",
                $"Value '{signingAlgorithm}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [SHA256WITHECDSA, SHA384WITHECDSA, SHA512WITHECDSA, SHA256WITHRSA, SHA384WITHRSA, SHA512WITHRSA, SM3WITHSM2, ML_DSA_44, ML_DSA_65, ML_DSA_87]"),
        };
        if (rsa != IsRsa)
        {
            throw new AwsServiceException("InvalidArgsException", $"Signing algorithm '{signingAlgorithm}' does not match the CA key algorithm '{KeyAlgorithm}'");
        }

        return hash;
    }

    /// <summary>A signature generator for certificates signed with this key.</summary>
    public X509SignatureGenerator SignatureGenerator() => Key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => throw new InvalidOperationException("unsupported key"),
    };

    /// <summary>A CSR-style request for this key's own certificate.</summary>
    public CertificateRequest Request(X500DistinguishedName subject, HashAlgorithmName hash) => Key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, hash, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, hash),
        _ => throw new InvalidOperationException("unsupported key"),
    };

    /// <summary>The certificate joined with this private key.</summary>
    public X509Certificate2 Attach(X509Certificate2 certificate) => Key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => throw new InvalidOperationException("unsupported key"),
    };

    public void Dispose() => Key.Dispose();
}

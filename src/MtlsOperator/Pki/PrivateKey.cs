using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>An RSA or ECDSA private key held in memory, with the few operations the operator needs.</summary>
/// <remarks>Deliberately has no ToString that reveals anything: keys must never reach logs or messages.</remarks>
public sealed class PrivateKey : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private PrivateKey(AsymmetricAlgorithm key, PrivateKeySpec spec)
    {
        _key = key;
        Spec = spec;
    }

    /// <summary>Algorithm and size of this key.</summary>
    public PrivateKeySpec Spec { get; }

    /// <summary>The hash used when this key signs: SHA-256, or SHA-384/512 to match larger curves.</summary>
    internal HashAlgorithmName SignatureHash => Spec switch
    {
        { Algorithm: KeyAlgorithm.Ecdsa, Size: 384 } => HashAlgorithmName.SHA384,
        { Algorithm: KeyAlgorithm.Ecdsa, Size: 521 } => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>Generates a new key; throws <see cref="PkiException"/> for an unsupported spec.</summary>
    public static PrivateKey Generate(PrivateKeySpec spec, string field = "spec.privateKey")
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Check(field) is { } problem)
        {
            throw new PkiException(problem);
        }

        AsymmetricAlgorithm key = spec.Algorithm == KeyAlgorithm.Rsa
            ? RSA.Create(spec.Size)
            : ECDsa.Create(spec.Size == 256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);

        // The platform generates RSA keys lazily on first use; do it now so the cost (up to seconds for RSA 4096)
        // is paid here, where callers and benchmarks expect it, not inside a later CSR or export.
        key.ExportSubjectPublicKeyInfo();
        return new PrivateKey(key, spec);
    }

    /// <summary>
    /// Reads a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, as found in <c>tls.key</c>).
    /// Throws <see cref="PkiException"/> with <see cref="PkiProblemCode.MissingPrivateKey"/> naming <paramref name="field"/>.
    /// </summary>
    public static PrivateKey FromPem(string field, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw Unreadable(field, "holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }

        var label = pem[fields.Label];
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        try
        {
            switch (label)
            {
                case "PRIVATE KEY" when PublicKeyInfoOfPkcs8(der) == PublicKeyInfo.RsaOid:
                    return Import(RSA.Create(), KeyAlgorithm.Rsa, k => k.ImportPkcs8PrivateKey(der, out _));
                case "PRIVATE KEY":
                    return Import(ECDsa.Create(), KeyAlgorithm.Ecdsa, k => k.ImportPkcs8PrivateKey(der, out _));
                case "RSA PRIVATE KEY":
                    return Import(RSA.Create(), KeyAlgorithm.Rsa, k => k.ImportRSAPrivateKey(der, out _));
                case "EC PRIVATE KEY":
                    return Import(ECDsa.Create(), KeyAlgorithm.Ecdsa, k => k.ImportECPrivateKey(der, out _));
                case "ENCRYPTED PRIVATE KEY":
                    throw Unreadable(field, "holds an encrypted private key; store the key unencrypted in the Secret (Kubernetes encrypts Secrets at rest)");
                default:
                    throw Unreadable(field, $"holds a PEM block labelled \"{label}\", not a private key");
            }
        }
        catch (CryptographicException)
        {
            throw Unreadable(field, $"holds a \"{label}\" block that does not decode as an RSA or EC private key");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>
    /// Reads <c>tls.key</c> for a check that reports every problem at once: returns null and adds a
    /// <see cref="PkiProblemCode.MissingPrivateKey"/> problem when it is absent, empty or unreadable.
    /// </summary>
    internal static PrivateKey? FromSecretField(string field, string? pem, List<PkiProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            problems.Add(new PkiProblem(PkiProblemCode.MissingPrivateKey, field, "is missing or empty; it must hold the private key (PEM)"));
            return null;
        }

        try
        {
            return FromPem(field, pem);
        }
        catch (PkiException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    /// <summary>The key as unencrypted PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), for <c>tls.key</c>.</summary>
    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The DER SubjectPublicKeyInfo of this key.</summary>
    public byte[] ExportSubjectPublicKeyInfo() => _key.ExportSubjectPublicKeyInfo();

    /// <summary>True when <paramref name="certificate"/> carries this key's public half.</summary>
    public bool Matches(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(_key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A certificate request for <paramref name="subject"/> signed with this key.</summary>
    internal CertificateRequest NewRequest(X500DistinguishedName subject) => _key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, SignatureHash, RSASignaturePadding.Pkcs1),
        ECDsa ec => new CertificateRequest(subject, ec, SignatureHash),
        _ => throw new InvalidOperationException("unsupported key type"),
    };

    /// <summary>A signature generator for certificates and CRLs signed by this key.</summary>
    internal X509SignatureGenerator SignatureGenerator() => _key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        _ => throw new InvalidOperationException("unsupported key type"),
    };

    public void Dispose() => _key.Dispose();

    private static PrivateKey Import<T>(T key, KeyAlgorithm algorithm, Action<T> import)
        where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return new PrivateKey(key, new PrivateKeySpec(algorithm, key.KeySize));
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static string PublicKeyInfoOfPkcs8(byte[] der)
    {
        // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING, ... }.
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.BER).ReadSequence();
            reader.ReadInteger();
            return reader.ReadSequence().ReadObjectIdentifier();
        }
        catch (System.Formats.Asn1.AsnContentException e)
        {
            throw new CryptographicException("not a PKCS#8 private key", e);
        }
    }

    private static PkiException Unreadable(string field, string what) =>
        new(new PkiProblem(PkiProblemCode.MissingPrivateKey, field, what));
}

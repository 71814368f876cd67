using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Pki;

/// <summary>Creates Secret-backed CAs the way users store them: tls.crt and tls.key PEM.</summary>
internal static class TestAuthority
{
    /// <summary>A fresh root CA valid around the real clock, with a unique name so CRL caches never collide between runs.</summary>
    public static (SecretCertificateAuthority Authority, X509Certificate2 Certificate) Create(
        DateTimeOffset? notAfter = null, AsymmetricAlgorithm? key = null, string? name = null)
    {
        key ??= ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var certificate = TestCertificates.Ca(name ?? $"Dev CA {Guid.NewGuid():N}", key: key, notBefore: now.AddDays(-1), notAfter: notAfter ?? now.AddYears(1));
        var authority = SecretCertificateAuthority.Load("spec.issuer.caSecretRef dev-ca", TestCertificates.Pem(certificate), ExportKey(key), TimeProvider.System);
        return (authority, certificate);
    }

    public static string ExportKey(AsymmetricAlgorithm key) => key.ExportPkcs8PrivateKeyPem();

    public static IssuedCertificate Issue(SecretCertificateAuthority authority, CertificateIdentity identity, PrivateKeySpec? spec = null, TimeSpan? duration = null, IReadOnlyList<string>? crlDistributionPoints = null)
    {
        using var key = PrivateKey.Generate(spec ?? PrivateKeySpec.EcdsaP256);
        var csr = CertificateSigningRequestBuilder.Build(identity, key);
        return authority.Sign(csr, duration ?? TimeSpan.FromDays(30), TimeProvider.System, crlDistributionPoints);
    }
}

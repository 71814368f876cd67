using System.Diagnostics;
using System.Security.Cryptography;
using MtlsOperator.Pki;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// The least work one issuance can cost: key generation, CSR and signing with the operator's PKI code, on one thread,
/// with an ECDSA P-256 CA like the emulated Private CA. No Kubernetes, no AWS, no serialization.
/// </summary>
internal static class CryptoFloor
{
    /// <summary>Time per certificate, measured over <paramref name="samples"/> issuances after a warm-up.</summary>
    public static TimeSpan PerCertificate(PrivateKeySpec spec, int samples)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var caCertificate = BenchmarkWorkload.SelfSignedCa("Crypto Floor CA", caKey);
        using var ca = SecretCertificateAuthority.Load("floor", caCertificate.ExportCertificatePem(), caKey.ExportPkcs8PrivateKeyPem(), TimeProvider.System);
        var identity = new CertificateIdentity(new CertificateSubject("floor-client", ["Benchmark Partners"]), [], ["spiffe://partners.example/floor"]);

        void IssueOne()
        {
            using var key = PrivateKey.Generate(spec);
            ca.Sign(CertificateSigningRequestBuilder.Build(identity, key), TimeSpan.FromDays(90), TimeProvider.System);
        }

        IssueOne();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            IssueOne();
        }

        return watch.Elapsed / samples;
    }
}

using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using MtlsOperator.Tests.Pki;

namespace MtlsOperator.Tests.Aws.Support;

/// <summary>Real certificates, CRLs and CSRs for the emulator tests, made with the BCL.</summary>
public static class TestPki
{
    /// <summary>A self-signed CA certificate (PEM) and its key, valid around the real clock.</summary>
    public static (string Pem, X509Certificate2 Certificate) CreateCa(string commonName)
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = TestCertificates.Ca(commonName, notBefore: now.AddMinutes(-5), notAfter: now.AddYears(1));
        return (certificate.ExportCertificatePem() + "\n", certificate);
    }

    /// <summary>A PEM CRL (the form ELBv2 trust stores accept) signed by <paramref name="ca"/> revoking the given serial.</summary>
    public static byte[] CreateCrl(X509Certificate2 ca, byte[] revokedSerial)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(revokedSerial, DateTimeOffset.UtcNow.AddMinutes(-1), X509RevocationReason.KeyCompromise);
        var now = DateTimeOffset.UtcNow;
        var der = builder.Build(ca, BigInteger.One, now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: now.AddMinutes(-1));
        return System.Text.Encoding.ASCII.GetBytes(PemEncoding.WriteString("X509 CRL", der) + "\n");
    }

    /// <summary>A PEM PKCS#10 request for a client certificate.</summary>
    public static string CreateCsr(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        return request.CreateSigningRequestPem();
    }
}

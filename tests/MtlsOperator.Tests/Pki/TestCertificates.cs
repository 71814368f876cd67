using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Pki;

/// <summary>Builds the certificates each test needs, with exactly the flaw under test.</summary>
internal static class TestCertificates
{
    /// <summary>The instant bundle tests judge validity against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TimeProvider Clock => new FixedTimeProvider(Now);

    /// <summary>A CA certificate (with its private key) issued by <paramref name="issuer"/>, or self-signed when null.</summary>
    public static X509Certificate2 Ca(
        string commonName,
        X509Certificate2? issuer = null,
        AsymmetricAlgorithm? key = null,
        bool isCa = true,
        X509KeyUsageFlags? keyUsage = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        int paddingBytes = 0)
    {
        key ??= ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={commonName}, O=MtlsOperator Tests");
        var request = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            _ => new CertificateRequest(subject, new PublicKey(key), HashAlgorithmName.SHA256),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, isCa));
        if (keyUsage is { } usage)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (paddingBytes > 0)
        {
            request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.55555.1", DerOctetString(paddingBytes), false));
        }

        var from = notBefore ?? Now.AddDays(-30);
        var to = notAfter ?? Now.AddYears(5);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        if (issuer is null)
        {
            var generator = key switch
            {
                RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
                ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
                _ => throw new ArgumentException("self-signed certificates need an RSA or ECDSA key", nameof(key)),
            };
            var self = request.Create(subject, generator, from, to, serial);
            return key switch
            {
                RSA rsa => self.CopyWithPrivateKey(rsa),
                ECDsa ec => self.CopyWithPrivateKey(ec),
                _ => self,
            };
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer.SubjectName, Generator(issuer), from, to, serial);
        return key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ec => issued.CopyWithPrivateKey(ec),
            _ => X509CertificateLoader.LoadCertificate(issued.RawData),
        };
    }

    /// <summary>A chain root → intermediates of <paramref name="length"/> CA certificates in total, root first.</summary>
    public static List<X509Certificate2> Chain(int length, string prefix = "Level")
    {
        var chain = new List<X509Certificate2> { Ca($"{prefix} 1") };
        for (var i = 2; i <= length; i++)
        {
            chain.Add(Ca($"{prefix} {i}", chain[^1]));
        }

        return chain;
    }

    public static string Pem(params X509Certificate2[] certificates) =>
        string.Concat(certificates.Select(c => PemEncoding.WriteString("CERTIFICATE", c.RawData) + "\n"));

    public static CaBundleSource Source(string field, params X509Certificate2[] certificates) =>
        CaBundleSource.FromText(field, Pem(certificates));

    public static CaBundleResult Build(params CaBundleSource[] sources) => CaBundle.Build(sources, Clock);

    public static X509SignatureGenerator Generator(X509Certificate2 issuer) =>
        issuer.GetECDsaPrivateKey() is { } ec
            ? X509SignatureGenerator.CreateForECDsa(ec)
            : X509SignatureGenerator.CreateForRSA(issuer.GetRSAPrivateKey()!, RSASignaturePadding.Pkcs1);

    /// <summary>Asserts no message shows any line of the private key's PEM body.</summary>
    public static void AssertNoKeyMaterial(IEnumerable<PkiProblem> problems, string keyPem)
    {
        var bodyLines = keyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(bodyLines);
        foreach (var text in problems.Select(p => p.ToString()))
        {
            foreach (var line in bodyLines)
            {
                Assert.DoesNotContain(line[..Math.Min(16, line.Length)], text, StringComparison.Ordinal);
            }
        }
    }

    private static byte[] DerOctetString(int length)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        writer.WriteOctetString(Encoding.ASCII.GetBytes(new string('x', length)));
        return writer.Encode();
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;
using static MtlsOperator.Tests.Pki.CertificateSigningRequestBuilderTests;

namespace MtlsOperator.Tests.Pki;

public class SecretCertificateAuthorityTests
{
    private const string CaSecret = "spec.issuer.caSecretRef dev-ca";

    [Fact]
    public void Issued_certificate_chains_to_the_ca_and_carries_client_auth_and_the_requested_sans()
    {
        var (authority, caCertificate) = TestAuthority.Create();
        using var _ = authority;
        using var __ = caCertificate;

        var issued = TestAuthority.Issue(authority, PartnerA);

        using var leaf = X509CertificateLoader.LoadCertificate(issued.Der);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(CertificateSigningRequestBuilder.ClientAuthOid));
        Assert.True(chain.Build(leaf), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));

        var names = SubjectAlternativeNames.Of(leaf);
        Assert.Equal(PartnerA.DnsNames, names.DnsNames);
        Assert.Equal(PartnerA.Uris, names.Uris);
        Assert.Equal(PartnerA.EmailAddresses, names.EmailAddresses);
        Assert.Contains("CN=partner-a", leaf.Subject, StringComparison.Ordinal);
        var constraints = Assert.Single(leaf.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, Assert.Single(leaf.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);
        Assert.Equal(CertificateSigningRequestBuilder.ClientAuthOid, Assert.Single(Assert.Single(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<Oid>()).Value);
        var ski = Assert.Single(leaf.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Equal(new X509SubjectKeyIdentifierExtension(leaf.PublicKey, false).SubjectKeyIdentifier, ski.SubjectKeyIdentifier);
        var aki = Assert.Single(leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
        Assert.Equal(caCertificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        Assert.Equal(issued.Facts.SerialNumber, leaf.SerialNumber.ToLowerInvariant());
        Assert.Equal(CertificateSerialNumber.Length * 2, issued.Facts.SerialNumber.Length);
        Assert.False(issued.ValidityClamped);
        Assert.Equal(issued.Facts.NotBefore + TimeSpan.FromDays(30), issued.Facts.NotAfter);
    }

    [Fact]
    public void Rsa_certificates_get_key_encipherment()
    {
        var (authority, caCertificate) = TestAuthority.Create(key: RSA.Create(2048));
        using var _ = authority;
        using var __ = caCertificate;

        var issued = TestAuthority.Issue(authority, PartnerA, PrivateKeySpec.Rsa2048);

        using var leaf = X509CertificateLoader.LoadCertificate(issued.Der);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal("sha256RSA", leaf.SignatureAlgorithm.FriendlyName);
    }

    [Fact]
    public void Validity_is_clamped_to_the_ca_not_after()
    {
        var caNotAfter = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(10).Date, TimeSpan.Zero);
        var (authority, caCertificate) = TestAuthority.Create(notAfter: caNotAfter);
        using var _ = authority;
        using var __ = caCertificate;

        var issued = TestAuthority.Issue(authority, PartnerA, duration: TimeSpan.FromDays(90));

        Assert.True(issued.ValidityClamped);
        Assert.Equal(caNotAfter, issued.Facts.NotAfter);
    }

    [Fact]
    public void Serial_numbers_are_random_positive_and_16_bytes()
    {
        var serials = Enumerable.Range(0, 200).Select(_ => CertificateSerialNumber.NewRandom()).ToList();

        Assert.All(serials, s =>
        {
            Assert.Equal(16, s.Length);
            Assert.InRange(s[0], 0x01, 0x7F);
        });
        Assert.Equal(serials.Count, serials.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Intermediate_ca_chain_goes_into_tls_crt_and_the_root_into_ca_crt()
    {
        using var root = TestCertificates.Ca($"Root {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(2));
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediate = TestCertificates.Ca("Intermediate", root, intermediateKey, notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1));
        using var authority = SecretCertificateAuthority.Load(CaSecret, TestCertificates.Pem(intermediate, root), intermediateKey.ExportPkcs8PrivateKeyPem(), TimeProvider.System);

        var issued = TestAuthority.Issue(authority, PartnerA);

        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(issued.ChainPem);
        Assert.Equal([issued.Facts.Sha256Fingerprint, CertificateFacts.Of(intermediate).Sha256Fingerprint], chain.Select(c => CertificateFacts.Of(c).Sha256Fingerprint));
        using var ca = X509Certificate2.CreateFromPem(issued.CaPem);
        Assert.Equal(root.Thumbprint, ca.Thumbprint);
    }

    [Fact]
    public void Refuses_a_key_that_does_not_belong_to_the_certificate_without_echoing_it()
    {
        using var ca = TestCertificates.Ca("Dev CA", notBefore: DateTimeOffset.UtcNow.AddDays(-1));
        using var wrong = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongPem = wrong.ExportPkcs8PrivateKeyPem();

        var error = Assert.Throws<PkiException>(() => SecretCertificateAuthority.Load(CaSecret, TestCertificates.Pem(ca), wrongPem, TimeProvider.System));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(PkiProblemCode.KeyDoesNotMatchCertificate, problem.Code);
        Assert.Equal($"{CaSecret}/tls.key", problem.Field);
        TestCertificates.AssertNoKeyMaterial(error.Problems, wrongPem);
        TestCertificates.AssertNoKeyMaterial(error.Problems, ca.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    [Fact]
    public void Refuses_a_key_pasted_into_tls_crt_without_echoing_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        var error = Assert.Throws<PkiException>(() => SecretCertificateAuthority.Load(CaSecret, keyPem, keyPem, TimeProvider.System));

        Assert.Contains(error.Problems, p => p.Code == PkiProblemCode.PrivateKeyInBundle && p.Field == $"{CaSecret}/tls.crt");
        TestCertificates.AssertNoKeyMaterial(error.Problems, keyPem);
        Assert.DoesNotContain(keyPem.Split('\n')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_certificate_that_is_not_a_ca_and_an_expired_ca()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = TestCertificates.Ca("not a ca", key: key, isCa: false, keyUsage: X509KeyUsageFlags.DigitalSignature,
            notBefore: DateTimeOffset.UtcNow.AddDays(-20), notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        var error = Assert.Throws<PkiException>(() => SecretCertificateAuthority.Load(CaSecret, TestCertificates.Pem(leaf), key.ExportPkcs8PrivateKeyPem(), TimeProvider.System));

        Assert.Equal(
            [PkiProblemCode.NotACertificateAuthority, PkiProblemCode.MissingKeyCertSign, PkiProblemCode.CaExpired],
            error.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Refuses_a_missing_key()
    {
        using var ca = TestCertificates.Ca("Dev CA");

        var error = Assert.Throws<PkiException>(() => SecretCertificateAuthority.Load(CaSecret, TestCertificates.Pem(ca), "", TestCertificates.Clock));

        Assert.Equal(PkiProblemCode.MissingPrivateKey, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Warns_when_the_ca_cannot_sign_crls()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = TestCertificates.Ca("No CRL Sign", key: key, keyUsage: X509KeyUsageFlags.KeyCertSign);

        using var authority = SecretCertificateAuthority.Load(CaSecret, TestCertificates.Pem(ca), key.ExportPkcs8PrivateKeyPem(), TestCertificates.Clock);

        Assert.Equal(PkiProblemCode.MissingCrlSign, Assert.Single(authority.Warnings).Code);
    }

    [Fact]
    public void Refuses_a_request_whose_signature_does_not_verify()
    {
        var (authority, caCertificate) = TestAuthority.Create();
        using var _ = authority;
        using var __ = caCertificate;
        using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        var der = CertificateSigningRequestBuilder.Build(PartnerA, key).Der;
        der[^5] ^= 0xFF;

        var error = Assert.Throws<PkiException>(() => authority.Sign(new CertificateSigningRequest(der), TimeSpan.FromDays(1), TimeProvider.System));

        Assert.Equal(PkiProblemCode.MalformedCsr, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Refuses_a_request_with_a_weak_key_or_no_duration()
    {
        var (authority, caCertificate) = TestAuthority.Create();
        using var _ = authority;
        using var __ = caCertificate;
        using var weak = RSA.Create(1024);
        var csr = new CertificateSigningRequest(new CertificateRequest("CN=weak", weak, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest());

        var error = Assert.Throws<PkiException>(() => authority.Sign(csr, TimeSpan.Zero, TimeProvider.System));

        Assert.Equal([PkiProblemCode.InvalidDuration, PkiProblemCode.UnsupportedKeySpec], error.Problems.Select(p => p.Code));
    }
}

using MtlsOperator.Pki;
using static MtlsOperator.Tests.Pki.CertificateSigningRequestBuilderTests;

namespace MtlsOperator.Tests.Pki;

public sealed class CertificateSecretCheckTests : IDisposable
{
    private const string Secret = "Secret payments/partner-a-client";
    private readonly SecretCertificateAuthority _authority;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _caCertificate;
    private readonly PrivateKey _key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
    private readonly IssuedCertificate _issued;
    private readonly CertificateExpectation _expected;

    public CertificateSecretCheckTests()
    {
        (_authority, _caCertificate) = TestAuthority.Create();
        _issued = _authority.Sign(CertificateSigningRequestBuilder.Build(PartnerA, _key), TimeSpan.FromDays(30), TimeProvider.System);
        _expected = new CertificateExpectation(PartnerA, PrivateKeySpec.EcdsaP256, _caCertificate.SubjectName);
    }

    [Fact]
    public void Matching_secret_has_no_mismatches()
    {
        Assert.Empty(Check(_expected));
    }

    [Fact]
    public void Names_every_spec_change()
    {
        var changed = new CertificateExpectation(
            PartnerA with
            {
                Subject = PartnerA.Subject with { CommonName = "partner-b" },
                DnsNames = ["partner-b.example.com"],
                Uris = [],
                EmailAddresses = ["other@example.com"],
            },
            new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384));

        var problems = Check(changed);

        Assert.Equal(
            [PkiProblemCode.KeySizeMismatch, PkiProblemCode.SubjectMismatch, PkiProblemCode.DnsNamesMismatch, PkiProblemCode.UrisMismatch, PkiProblemCode.EmailAddressesMismatch],
            problems.Select(p => p.Code));
        Assert.Equal("spec.dnsNames", problems[2].Field);
        Assert.Contains("partner-b.example.com", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sans_in_another_order_or_case_still_match()
    {
        var reordered = _expected with { Identity = PartnerA with { DnsNames = ["PARTNER-A.example.com"] } };

        Assert.Empty(Check(reordered));
    }

    [Fact]
    public void Reports_a_different_key_algorithm()
    {
        var problem = Assert.Single(Check(_expected with { Key = PrivateKeySpec.Rsa2048 }));

        Assert.Equal(PkiProblemCode.KeyAlgorithmMismatch, problem.Code);
        Assert.Equal("spec.privateKey.algorithm", problem.Field);
    }

    [Fact]
    public void Reports_a_different_issuer()
    {
        using var other = TestCertificates.Ca("Other CA");

        Assert.Equal(PkiProblemCode.IssuerMismatch, Assert.Single(Check(_expected with { Issuer = other.SubjectName })).Code);
    }

    [Fact]
    public void Reports_an_expired_certificate()
    {
        var later = new FixedTimeProvider(_issued.Facts.NotAfter.AddSeconds(1));

        var problem = Assert.Single(CertificateSecretCheck.Mismatches(Secret, _issued.ChainPem, _key.ExportPkcs8Pem(), _expected, later));

        Assert.Equal(PkiProblemCode.CertificateExpired, problem.Code);
    }

    [Fact]
    public void Reports_a_key_that_does_not_belong_to_the_certificate_without_echoing_either_key()
    {
        using var other = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        var otherPem = other.ExportPkcs8Pem();

        var problems = CertificateSecretCheck.Mismatches(Secret, _issued.ChainPem, otherPem, _expected, TimeProvider.System);

        var problem = Assert.Single(problems);
        Assert.Equal(PkiProblemCode.KeyDoesNotMatchCertificate, problem.Code);
        Assert.Equal($"{Secret}/tls.key", problem.Field);
        TestCertificates.AssertNoKeyMaterial(problems, otherPem);
        TestCertificates.AssertNoKeyMaterial(problems, _key.ExportPkcs8Pem());
    }

    [Fact]
    public void Reports_missing_data()
    {
        var problems = CertificateSecretCheck.Mismatches(Secret, null, " ", _expected, TimeProvider.System);

        Assert.Equal([PkiProblemCode.MissingCertificate, PkiProblemCode.MissingPrivateKey], problems.Select(p => p.Code));
    }

    [Fact]
    public void Reports_a_key_pasted_into_tls_crt_without_echoing_it()
    {
        var keyPem = _key.ExportPkcs8Pem();

        var problems = CertificateSecretCheck.Mismatches(Secret, keyPem, keyPem, _expected, TimeProvider.System);

        Assert.Equal(PkiProblemCode.PrivateKeyInBundle, Assert.Single(problems).Code);
        TestCertificates.AssertNoKeyMaterial(problems, keyPem);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _caCertificate.Dispose();
        _key.Dispose();
    }

    private List<PkiProblem> Check(CertificateExpectation expected) =>
        [.. CertificateSecretCheck.Mismatches(Secret, _issued.ChainPem, _key.ExportPkcs8Pem(), expected, TimeProvider.System)];
}

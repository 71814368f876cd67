using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class DesiredCertificateTests
{
    private static readonly ClientCertificateSpec Spec = new()
    {
        SecretName = "a-tls",
        Subject = new MtlsOperator.Api.CertificateSubject { CommonName = "a" },
        Issuer = new CertificateIssuer { PrivateCa = new PrivateCaIssuer { Arn = "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x" } },
    };

    [Fact]
    public void Defaults_to_an_ecdsa_p256_key_and_90_days()
    {
        var desired = DesiredCertificate.From(Spec);

        Assert.Empty(desired.Problems);
        Assert.Equal(PrivateKeySpec.EcdsaP256, desired.Key);
        Assert.Equal(TimeSpan.FromDays(90), desired.Duration);
        Assert.Equal(Spec.Issuer.PrivateCa!.Arn, desired.IssuerName);
    }

    [Fact]
    public void Reports_an_unsupported_key_size_with_its_field()
    {
        var problem = Assert.Single(DesiredCertificate.From(Spec with { PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Ecdsa, Size = 521 } }).Problems);

        Assert.Equal(nameof(PkiProblemCode.UnsupportedKeySpec), problem.Reason);
        Assert.Equal("spec.privateKey.size", problem.Field);
    }

    [Fact]
    public void Refuses_fields_it_cannot_put_in_the_certificate_instead_of_dropping_them()
    {
        var problems = DesiredCertificate.From(Spec with { IpAddresses = ["10.0.0.1"], Subject = Spec.Subject! with { SerialNumber = "42" } }).Problems;

        Assert.Equal(["spec.subject.serialNumber", "spec.ipAddresses"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(ClientCertificateReasons.UnsupportedSpec, p.Reason));
    }

    [Fact]
    public void Renews_at_the_configured_renewBefore()
    {
        var desired = DesiredCertificate.From(Spec with { Duration = "100h", RenewBefore = "10h" });
        var notBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(notBefore.AddHours(90), desired.RenewalTime(notBefore, notBefore.AddHours(100)));
    }

    [Fact]
    public void Keeps_generated_names_within_the_kubernetes_limit()
    {
        var name = new string('a', 253);

        Assert.Equal("short-next-key", SecretNames.PendingPrivateKey("short"));
        Assert.True(SecretNames.PendingPrivateKey(name).Length <= 253);
        Assert.NotEqual(SecretNames.PendingPrivateKey(name), SecretNames.PendingPrivateKey(name[..^1] + "b"));
    }
}

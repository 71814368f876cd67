using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Pki;
using MtlsOperator.Tests.Pki;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class IssuanceTriggerTests
{
    private static readonly ClientCertificateSpec Spec = new()
    {
        SecretName = "partner-a-tls",
        Subject = new MtlsOperator.Api.CertificateSubject { CommonName = "partner-a" },
        Duration = "720h",
        Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = "dev-ca" } },
    };

    [Fact]
    public void Issues_when_there_is_no_secret()
    {
        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", null, DesiredCertificate.From(Spec), null, TimeProvider.System);

        Assert.Equal(ClientCertificateReasons.MissingSecret, decision!.Reason);
        Assert.False(decision.CurrentStillValid);
    }

    [Fact]
    public void Does_nothing_when_the_secret_matches_and_renewal_is_ahead()
    {
        var (secret, _) = IssuedSecret(Spec);

        Assert.Null(IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(Spec), null, TimeProvider.System));
    }

    [Fact]
    public void Renews_when_within_renewBefore()
    {
        var (secret, issued) = IssuedSecret(Spec);
        var renewal = RenewalSchedule.RenewalTime(issued.Facts.NotBefore, issued.Facts.NotAfter);

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(Spec), null, new FixedTimeProvider(renewal));

        Assert.Equal(ClientCertificateReasons.Renewing, decision!.Reason);
        Assert.True(decision.CurrentStillValid);
        Assert.Null(IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(Spec), null, new FixedTimeProvider(renewal.AddSeconds(-1))));
    }

    [Fact]
    public void Reissues_when_the_subject_in_the_spec_changed()
    {
        var (secret, _) = IssuedSecret(Spec);
        var changed = Spec with { Subject = new MtlsOperator.Api.CertificateSubject { CommonName = "partner-b" } };

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(changed), null, TimeProvider.System);

        Assert.Equal(ClientCertificateReasons.SpecChanged, decision!.Reason);
        Assert.Contains("spec.subject", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reissues_when_the_issuer_named_in_the_spec_changed()
    {
        var (secret, _) = IssuedSecret(Spec);
        var changed = Spec with { Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = "other-ca" } } };

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(changed), null, TimeProvider.System);

        Assert.Equal(ClientCertificateReasons.SpecChanged, decision!.Reason);
        Assert.Contains("secret/dev-ca", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reissues_a_secret_whose_key_was_replaced_and_names_the_field_without_key_material()
    {
        var (secret, _) = IssuedSecret(Spec);
        using var other = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        var otherPem = other.ExportPkcs8Pem();
        secret.Data["tls.key"] = Encoding.ASCII.GetBytes(otherPem);

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(Spec), null, TimeProvider.System);

        Assert.Equal(ClientCertificateReasons.InvalidCertificate, decision!.Reason);
        Assert.Contains("tls.key", decision.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherPem.Split('\n')[1], decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reissues_an_expired_certificate()
    {
        var (secret, issued) = IssuedSecret(Spec);

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(Spec), null, new FixedTimeProvider(issued.Facts.NotAfter.AddSeconds(1)));

        Assert.Equal(ClientCertificateReasons.Expired, decision!.Reason);
    }

    [Fact]
    public void Reissues_when_the_key_algorithm_in_the_spec_changed()
    {
        var (secret, _) = IssuedSecret(Spec);
        var rsa = Spec with { PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Rsa } };

        var decision = IssuanceTrigger.Evaluate("ns/partner-a-tls", secret, DesiredCertificate.From(rsa), null, TimeProvider.System);

        Assert.Equal(ClientCertificateReasons.SpecChanged, decision!.Reason);
        Assert.Contains("spec.privateKey.algorithm", decision.Message, StringComparison.Ordinal);
    }

    private static (V1Secret Secret, IssuedCertificate Issued) IssuedSecret(ClientCertificateSpec spec)
    {
        var (authority, _) = TestAuthority.Create();
        using (authority)
        {
            var desired = DesiredCertificate.From(spec);
            using var key = PrivateKey.Generate(desired.Key);
            var issued = authority.Sign(CertificateSigningRequestBuilder.Build(desired.Identity, key), desired.Duration, TimeProvider.System);
            var secret = new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = spec.SecretName, Annotations = new Dictionary<string, string> { [WellKnownKeys.IssuerAnnotation] = desired.IssuerName } },
                Type = "kubernetes.io/tls",
                Data = new Dictionary<string, byte[]>
                {
                    ["tls.crt"] = Encoding.ASCII.GetBytes(issued.ChainPem),
                    ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPkcs8Pem()),
                },
            };
            return (secret, issued);
        }
    }
}

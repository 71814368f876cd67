using System.Security.Cryptography.X509Certificates;
using System.Text;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox.Cli.Samples;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SamplePrerequisitesTests
{
    private static readonly SandboxCertificateAuthority DevelopmentCa = SandboxCertificateAuthority.Create("Test Development CA", TimeProvider.System);

    [Fact]
    public async Task Makes_every_secret_and_config_map_the_repository_samples_reference()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);

        var plan = SamplePrerequisites.For(samples, DevelopmentCa, TimeProvider.System);

        Assert.Equal(
            ["orders/dev-ca", "orders/dev-ca-crl", "payments/partner-a-ca"],
            plan.Secrets.Select(s => $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name}"));
        Assert.Equal(["payments/partner-b-ca"], plan.ConfigMaps.Select(c => $"{c.Metadata.NamespaceProperty}/{c.Metadata.Name}"));
    }

    [Fact]
    public async Task The_issuer_secret_is_a_ca_the_operator_can_sign_with_and_the_crl_is_signed_by_it()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);
        var plan = SamplePrerequisites.For(samples, DevelopmentCa, TimeProvider.System);

        var issuer = plan.Secrets.Single(s => s.Metadata.Name == "dev-ca");
        var crlSecret = plan.Secrets.Single(s => s.Metadata.Name == "dev-ca-crl");

        Assert.Equal("kubernetes.io/tls", issuer.Type);
        using var ca = SecretCertificateAuthority.Load("dev-ca", Text(issuer.Data["tls.crt"]), Text(issuer.Data["tls.key"]), TimeProvider.System);
        Assert.True(ca.Facts.IsCertificateAuthority);
        var crl = CertificateRevocationList.Parse("ca.crl", crlSecret.Data["ca.crl"]);
        using var caCertificate = X509Certificate2.CreateFromPem(DevelopmentCa.CertificatePem);
        Assert.True(crl.IsSignedBy(caCertificate));
    }

    [Fact]
    public async Task Trust_store_sources_get_cas_of_their_own()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);
        var plan = SamplePrerequisites.For(samples, DevelopmentCa, TimeProvider.System);

        using var partnerA = X509Certificate2.CreateFromPem(Text(plan.Secrets.Single(s => s.Metadata.Name == "partner-a-ca").Data["ca.crt"]));
        using var partnerB = X509Certificate2.CreateFromPem(plan.ConfigMaps.Single().Data["ca.crt"]);

        Assert.Contains("CN=partner-a-ca (sandbox)", partnerA.Subject, StringComparison.Ordinal);
        Assert.Contains("CN=partner-b-ca (sandbox)", partnerB.Subject, StringComparison.Ordinal);
        Assert.NotEqual(partnerA.Thumbprint, partnerB.Thumbprint);
    }

    [Fact]
    public async Task Objects_the_samples_define_themselves_are_not_made_up()
    {
        using var directory = new SampleDirectory(("all.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: own-ca, namespace: team}
            type: kubernetes.io/tls
            ---
            apiVersion: mtls.operator.dev/v1alpha1
            kind: ClientCertificate
            metadata: {name: one, namespace: team}
            spec: {secretName: one-tls, issuer: {caSecretRef: {name: own-ca}}}
            """));
        var samples = await SampleSet.LoadAsync(directory.Path, CancellationToken.None);

        var plan = SamplePrerequisites.For(samples, DevelopmentCa, TimeProvider.System);

        Assert.Empty(plan.Secrets);
        Assert.Empty(plan.ConfigMaps);
    }

    [Fact]
    public void The_development_ca_never_shows_its_key_when_printed()
    {
        Assert.DoesNotContain("PRIVATE KEY", DevelopmentCa.ToString(), StringComparison.Ordinal);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

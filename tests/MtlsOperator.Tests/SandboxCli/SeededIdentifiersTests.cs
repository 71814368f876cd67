using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Cli.Samples;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SeededIdentifiersTests
{
    private static readonly SeededAccount Account = new(
        "eu-central-1",
        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/k8s-mtls-internal/1111111111111111",
        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/k8s-mtls-internal/1111111111111111/2222222222222222",
        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/k8s-mtls-internal/1111111111111111/3333333333333333",
        "zz9yy8xx7w",
        "live",
        "mtls-sandbox-0123abcd",
        "arn:aws:acm-pca:eu-central-1:123456789012:certificate-authority/00000000-0000-0000-0000-000000000001",
        "arn:aws:acm-pca:eu-central-1:123456789012:certificate-authority/00000000-0000-0000-0000-000000000002",
        "arn:aws:acm:eu-central-1:123456789012:certificate/00000000-0000-0000-0000-000000000003");

    private static readonly SandboxCertificateAuthority DevelopmentCa = SandboxCertificateAuthority.Create("Test Development CA", TimeProvider.System);

    [Fact]
    public async Task Every_aws_reference_in_the_samples_points_at_the_seeded_account()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);
        var seeded = new SeededIdentifiers(Account, DevelopmentCa);

        var changes = samples.Manifests.SelectMany(seeded.Apply).ToList();

        var applied = string.Join("\n", samples.Manifests.Select(m => m.Body.ToJsonString()));
        Assert.DoesNotContain("111122223333", applied, StringComparison.Ordinal);
        Assert.DoesNotContain("a1b2c3d4e5", applied, StringComparison.Ordinal);
        Assert.DoesNotContain("example-orders-truststores", applied, StringComparison.Ordinal);
        var exposure = samples.Manifests.Single(m => m.DisplayName == "PrivateApiExposure orders/orders-api");
        Assert.Equal(Account.RestApiId, exposure.SpecString("apiGateway", "restApiId"));
        Assert.Equal(Account.StageName, exposure.SpecString("apiGateway", "stage"));
        Assert.Equal(Account.AcmCertificateArn, exposure.SpecString("apiGateway", "certificateArn"));
        Assert.Equal(Account.Region, exposure.SpecString("region"));
        var listener = samples.Manifests.Single(m => m.DisplayName == "PrivateApiExposure payments/partners-api");
        Assert.Equal(Account.HttpsListenerArn, listener.SpecString("loadBalancer", "listenerArn"));
        var partnerA = samples.Manifests.Single(m => m.DisplayName == "ClientCertificate payments/partner-a");
        Assert.Equal(Account.SubordinateCaArn, partnerA.SpecString("issuer", "privateCa", "arn"));
        Assert.Contains(changes, c => c is { Resource: "TrustStore payments/partners", Field: "spec.revocation[0].privateCaCrl.arn" } && c.To == Account.SubordinateCaArn);
        Assert.Contains(changes, c => c is { Resource: "TrustStore orders/orders-clients", Field: "spec.bundle.s3Bucket", From: "example-orders-truststores" });
    }

    [Fact]
    public async Task Inline_cas_become_the_development_ca_whose_key_the_sandbox_holds()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);

        foreach (var manifest in samples.Manifests)
        {
            new SeededIdentifiers(Account, DevelopmentCa).Apply(manifest);
        }

        var orders = samples.Manifests.Single(m => m.DisplayName == "TrustStore orders/orders-clients");
        Assert.Equal(DevelopmentCa.CertificatePem, (string?)orders.SpecObjects("caCertificates").Single()["inline"]);
    }

    [Fact]
    public async Task Values_already_seeded_are_left_alone_and_not_reported()
    {
        using var directory = new SampleDirectory(("exposure.yaml", $"""
            apiVersion: mtls.operator.dev/v1alpha1
            kind: PrivateApiExposure
            metadata: {"{"}name: api, namespace: payments{"}"}
            spec:
              trustStoreRef: {"{"}name: partners{"}"}
              domainName: api.example.com
              loadBalancer:
                listenerArn: {Account.HttpsListenerArn}
            """));
        var samples = await SampleSet.LoadAsync(directory.Path, CancellationToken.None);

        var changes = new SeededIdentifiers(Account, DevelopmentCa).Apply(samples.Manifests.Single());

        Assert.Empty(changes);
    }
}

using MtlsOperator.Sandbox.Cli.Samples;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SampleSetTests
{
    [Fact]
    public async Task Loads_the_repository_samples_core_kinds_first_then_trust_stores_certificates_and_exposures()
    {
        var samples = await SampleSet.LoadAsync(RepositoryRoot.Combine("config", "samples"), CancellationToken.None);

        Assert.Equal(["orders", "payments"], samples.Namespaces);
        Assert.Contains(samples.Manifests, m => m.DisplayName == "TrustStore payments/partners");
        Assert.Contains(samples.Manifests, m => m.DisplayName == "PrivateApiExposure orders/orders-api");
        var kinds = samples.Manifests.Select(m => m.Kind).Distinct().ToList();
        Assert.Equal(["TrustStore", "ClientCertificate", "PrivateApiExposure"], kinds);
    }

    [Fact]
    public async Task Puts_objects_without_a_namespace_in_default_and_secrets_before_the_resources_using_them()
    {
        using var directory = new SampleDirectory(
            ("a.yaml", """
                apiVersion: mtls.operator.dev/v1alpha1
                kind: ClientCertificate
                metadata: {name: one}
                spec: {secretName: one-tls, issuer: {caSecretRef: {name: ca}}}
                """),
            ("b.yml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: ca, namespace: default}
                type: kubernetes.io/tls
                """));

        var samples = await SampleSet.LoadAsync(directory.Path, CancellationToken.None);

        Assert.Equal(["Secret default/ca", "ClientCertificate default/one"], samples.Manifests.Select(m => m.DisplayName));
        Assert.Equal("default", (string?)samples.Manifests[1].Body["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Refuses_kinds_it_cannot_apply_naming_the_file_and_object()
    {
        using var directory = new SampleDirectory(("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"));

        var error = await Assert.ThrowsAsync<SampleException>(() => SampleSet.LoadAsync(directory.Path, CancellationToken.None));

        Assert.Contains("deploy.yaml: Deployment/web:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_missing_directory_and_one_without_manifests()
    {
        using var empty = new SampleDirectory(("README.md", "# nothing"));

        var missing = await Assert.ThrowsAsync<SampleException>(() => SampleSet.LoadAsync(Path.Combine(empty.Path, "nope"), CancellationToken.None));
        var none = await Assert.ThrowsAsync<SampleException>(() => SampleSet.LoadAsync(empty.Path, CancellationToken.None));

        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("holds no manifests", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_invalid_yaml_and_duplicate_objects()
    {
        using var broken = new SampleDirectory(("bad.yaml", "kind: [unclosed"));
        using var twice = new SampleDirectory(
            ("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"),
            ("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));

        var invalid = await Assert.ThrowsAsync<SampleException>(() => SampleSet.LoadAsync(broken.Path, CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<SampleException>(() => SampleSet.LoadAsync(twice.Path, CancellationToken.None));

        Assert.Contains("bad.yaml: not valid YAML", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigMap default/x is defined more than once", duplicate.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using MtlsOperator.Tests.Crds;

namespace MtlsOperator.Tests.Validation;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Samples_pass()
    {
        var run = await ValidateRun.StartAsync("-f", RepositoryPaths.Samples);

        Assert.True(run.ExitCode == 0, run.ToString());
        var documents = Directory.GetFiles(RepositoryPaths.Samples, "*.yaml").Sum(f => ResourceValidation.LoadSample(Path.GetFileName(f)).Count);
        var files = Directory.GetFiles(RepositoryPaths.Samples, "*.yaml").Length;
        Assert.Equal([$"{files} files, {documents} resources checked, 0 other documents ignored: 0 errors, 0 warnings"], run.Lines);
    }

    [Fact]
    public async Task Walks_directories_recursively_and_counts_documents_that_are_not_ours()
    {
        using var files = new ManifestDirectory();
        files.Write("base/client.yaml", ClientCertificateManifest.Valid + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        files.Write("base/nested/client.yml", ClientCertificateManifest.Valid);
        files.Write("overlay/client.json", """{"apiVersion": "mtls.operator.dev/v1alpha1", "kind": "ClientCertificate", "metadata": {"name": "b"}, "spec": {"secretName": "b", "issuer": {"caSecretRef": {"name": "dev-ca"}}}}""");
        files.Write("overlay/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\n");
        files.Write("values.yaml", "replicaCount: 1\n");
        files.Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- " + ClientCertificateManifest.Valid.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n");
        files.Write("README.md", "not: [a manifest");
        files.Write(".git/config.yaml", "not: [a manifest");

        var run = await ValidateRun.StartAsync("-f", files.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["6 files, 4 resources checked, 3 other documents ignored: 0 errors, 0 warnings"], run.Lines);
    }

    [Fact]
    public async Task Reports_every_file_named_and_fails_on_unparseable_yaml()
    {
        using var files = new ManifestDirectory();
        var good = files.Write("good.yaml", ClientCertificateManifest.Valid);
        var broken = files.Write("broken.yaml", "apiVersion: v1\nkind: [ConfigMap\n");

        var run = await ValidateRun.StartAsync("-f", good, "--filename", broken);

        Assert.Equal(1, run.ExitCode);
        var problem = Assert.Single(run.Problems);
        Assert.StartsWith($"{broken}: not valid YAML at line 3, column 1: ", problem, StringComparison.Ordinal);
        Assert.Equal("2 files, 1 resource checked, 0 other documents ignored: 1 error, 0 warnings", run.Summary);
    }

    [Fact]
    public async Task Reads_rendered_manifests_from_standard_input()
    {
        var rendered = ClientCertificateManifest.Valid.Replace("secretName: partner-a-client", "secretName: Partner_A", StringComparison.Ordinal);

        var run = await ValidateRun.StartWithInputAsync(null, rendered, "-f", "-");

        Assert.Equal(1, run.ExitCode);
        var problem = Assert.Single(run.Problems);
        Assert.StartsWith("<stdin>: ClientCertificate/partner-a: spec.secretName: Invalid value: \"Partner_A\": should match '", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_is_ignored_as_the_api_server_drops_it()
    {
        using var files = new ManifestDirectory();
        var file = files.Write("exported.yaml", ClientCertificateManifest.Valid + "\nstatus:\n  conditions:\n  - type: Ready\n  unknownField: 1\n");

        var run = await ValidateRun.StartAsync("-f", file);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Json_output_lists_problems_with_their_location()
    {
        using var files = new ManifestDirectory();
        var file = files.Write("client.yaml", ClientCertificateManifest.Valid.Replace("name: dev-ca", "name: Dev_CA", StringComparison.Ordinal));

        var run = await ValidateRun.StartAsync("-f", file, "--output=json");

        Assert.Equal(1, run.ExitCode);
        var report = JsonNode.Parse(string.Join("\n", run.Lines))!;
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(1, report["resources"]!.GetValue<int>());
        Assert.Equal(1, report["errors"]!.GetValue<int>());
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal("error", problem["severity"]!.GetValue<string>());
        Assert.Equal(file, problem["file"]!.GetValue<string>());
        Assert.Equal(1, problem["document"]!.GetValue<int>());
        Assert.Equal("ClientCertificate", problem["kind"]!.GetValue<string>());
        Assert.Equal("partner-a", problem["name"]!.GetValue<string>());
        Assert.Equal("payments", problem["namespace"]!.GetValue<string>());
        Assert.Equal("spec.issuer.caSecretRef.name", problem["field"]!.GetValue<string>());
        Assert.StartsWith("Invalid value: \"Dev_CA\": should match '", problem["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "validate: at least one -f FILE|DIR|- is required")]
    [InlineData(new[] { "-f" }, "validate: -f needs a value")]
    [InlineData(new[] { "-f", "config/samples", "--strict" }, "validate: unexpected argument '--strict'")]
    [InlineData(new[] { "-f", "config/samples", "-o", "yaml" }, "validate: unsupported output format 'yaml'; use text or json")]
    [InlineData(new[] { "-f", "no/such/manifests" }, "validate: no/such/manifests: no such file or directory")]
    public async Task Usage_errors_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var run = await ValidateRun.StartAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.StartsWith(message + "\nusage: mtls-operator validate -f FILE|DIR|-", run.Errors.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}

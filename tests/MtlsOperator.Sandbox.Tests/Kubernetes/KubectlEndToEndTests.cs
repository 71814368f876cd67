using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed partial class KubectlEndToEndTests : IAsyncLifetime
{
    private const string WidgetYaml = """
        apiVersion: example.dev/v1
        kind: Widget
        metadata:
          name: w1
          labels:
            app: demo
        spec:
          color: red
          size: 3
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-e2e-").FullName;
    private KubeApiEmulator _kube = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _kube = await KubeApiEmulator.StartAsync();
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await _kube.WriteKubeconfigAsync(kubeconfig);
        _kubectl = new Kubectl(kubeconfig, Path.Combine(_directory, "cache"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "crd.json"), Widgets.DefinitionJson);
        await File.WriteAllTextAsync(Path.Combine(_directory, "widget.yaml"), WidgetYaml);
    }

    public async Task DisposeAsync()
    {
        await _kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [KubectlFact]
    public async Task Kubectl_applies_gets_describes_watches_and_deletes_custom_resources()
    {
        var crd = await Ok("apply", "-f", PathOf("crd.json"));
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/widgets.example.dev created", crd, StringComparison.Ordinal);
        Assert.Contains("widget.example.dev/w1 created", await Ok("apply", "-f", PathOf("widget.yaml")), StringComparison.Ordinal);
        Assert.Contains("widget.example.dev/w1 unchanged", await Ok("apply", "-f", PathOf("widget.yaml")), StringComparison.Ordinal);

        var (exit, table, complaints) = await _kubectl.RunAsync("get", "widgets");
        Assert.Equal(0, exit);
        Assert.Equal("", complaints);
        Assert.Matches(Columns(), table);
        Assert.Matches(Row("w1", "3"), table);
        Assert.Matches(Row("w1", "3"), await Ok("get", "gadgets"));
        Assert.Matches(Row("w1", "3"), await Ok("get", "wd", "-l", "app=demo"));
        Assert.Contains("widgets.example.dev", await Ok("get", "crds"), StringComparison.Ordinal);

        var described = await Ok("describe", "widget", "w1");
        Assert.Matches(@"Name:\s+w1", described);
        Assert.Matches(@"Color:\s+red", described);

        await File.WriteAllTextAsync(PathOf("invalid.yaml"), WidgetYaml.Replace("size: 3", "size: 40", StringComparison.Ordinal));
        var (code, _, stderr) = await _kubectl.RunAsync("apply", "-f", PathOf("invalid.yaml"));
        Assert.NotEqual(0, code);
        Assert.Contains("spec.size: Invalid value: 40: spec.size in body should be less than or equal to 10", stderr, StringComparison.Ordinal);

        await WatchSeesPatchAsync();

        using (var client = _kube.CreateClient())
        {
            await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", V1Patch.PatchType.MergePatch), Widgets.Group, Widgets.Version, "default", Widgets.Plural, "w1");
        }

        Assert.Contains("condition met", await Ok("wait", "--for=condition=Ready", "widget/w1", "--timeout=60s"), StringComparison.Ordinal);
        Assert.Equal("True", await Ok("get", "widget", "w1", "-o", "jsonpath={.status.conditions[0].status}"));

        Assert.Contains("widget.example.dev \"w1\" deleted", await Ok("delete", "-f", PathOf("widget.yaml")), StringComparison.Ordinal);
        (code, _, stderr) = await _kubectl.RunAsync("get", "widgets");
        Assert.Equal(0, code);
        Assert.Contains("No resources found in default namespace.", stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_lists_builtin_resources_with_their_columns()
    {
        using var client = _kube.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" }, StringData = new Dictionary<string, string> { ["a"] = "b" } }, "default");
        await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "pod-a" } }, "default");

        Assert.Matches(@"s1\s+Opaque\s+1\s+\d+s", await Ok("get", "secrets"));
        Assert.Matches(@"leader\s+pod-a", await Ok("get", "leases"));
        Assert.Matches(@"default\s+Active", await Ok("get", "namespaces"));
    }

    [KubectlFact]
    public async Task Kubectl_create_commands_send_protobuf_the_emulator_decodes()
    {
        await Ok("create", "namespace", "team");
        await Ok("create", "secret", "generic", "creds", "-n", "team", "--from-literal=user=alice", "--from-literal=pass=s3cr=t", "--type=example.dev/basic");
        await Ok("create", "configmap", "settings", "-n", "team", "--from-literal=mode=strict");
        await Ok("label", "secret", "creds", "-n", "team", "tier=gold");

        using var client = _kube.CreateClient();
        var secret = await client.CoreV1.ReadNamespacedSecretAsync("creds", "team");
        Assert.Equal("example.dev/basic", secret.Type);
        Assert.Equal("alice", System.Text.Encoding.UTF8.GetString(secret.Data["user"]));
        Assert.Equal("s3cr=t", System.Text.Encoding.UTF8.GetString(secret.Data["pass"]));
        Assert.Equal("gold", secret.Metadata.Labels["tier"]);
        Assert.Equal("strict", (await client.CoreV1.ReadNamespacedConfigMapAsync("settings", "team")).Data["mode"]);
        Assert.Equal("Active", (await client.CoreV1.ReadNamespaceAsync("team")).Status.Phase);
    }

    private async Task WatchSeesPatchAsync()
    {
        using var watch = _kubectl.Start("get", "widgets", "--watch", "--output-watch-events");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var lines = new List<string>();
            async Task<string> NextAsync()
            {
                var line = await watch.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("kubectl get -w ended: " + await watch.StandardError.ReadToEndAsync(timeout.Token));
                lines.Add(line);
                return line;
            }

            Assert.Matches(@"EVENT\s+NAME\s+SIZE", await NextAsync());
            Assert.Matches(@"ADDED\s+w1\s+3", await NextAsync());
            using var client = _kube.CreateClient();
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"size":5}}""", V1Patch.PatchType.MergePatch), Widgets.Group, Widgets.Version, "default", Widgets.Plural, "w1", cancellationToken: timeout.Token);
            Assert.Matches(@"MODIFIED\s+w1\s+5", await NextAsync());
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    private async Task<string> Ok(params string[] args)
    {
        var (code, stdout, stderr) = await _kubectl.RunAsync(args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    private static Regex Row(string name, string size) => new($@"(?m)^{name}\s+{size}\s+\S*\s*\d+s\s*$");

    [GeneratedRegex(@"NAME\s+SIZE\s+READY\s+AGE")]
    private static partial Regex Columns();
}

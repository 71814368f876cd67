using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class VersionsAndSelectorsTests : EmulatorTest
{
    [Fact]
    public async Task Every_served_version_reads_the_same_objects_with_its_own_apiVersion()
    {
        var crd = Widgets.Definition();
        var beta = KubernetesJson.Deserialize<V1CustomResourceDefinitionVersion>(KubernetesJson.Serialize(crd.Spec.Versions[0]));
        beta.Name = "v1beta1";
        beta.Storage = false;
        crd.Spec.Versions.Add(beta);
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        await Widgets.CreateAsync(Client, Widgets.New("a"));

        var viaBeta = Widgets.Node(await Client.CustomObjects.GetNamespacedCustomObjectAsync(Widgets.Group, "v1beta1", "default", Widgets.Plural, "a"));

        Assert.Equal("example.dev/v1beta1", viaBeta["apiVersion"]!.GetValue<string>());
        Assert.Equal("example.dev/v1", (await Widgets.GetAsync(Client, "a"))["apiVersion"]!.GetValue<string>());
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        var group = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/example.dev", UriKind.Relative)))!;
        Assert.Equal(["v1", "v1beta1"], group["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Updating_a_definition_changes_its_validation()
    {
        await Widgets.RegisterAsync(Client);
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.dev");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["size"].Maximum = 100;

        await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);

        var created = await Widgets.CreateAsync(Client, Widgets.New("big", size: 50));
        Assert.Equal(50, created["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Events_can_be_selected_by_involved_object()
    {
        foreach (var (name, target) in new[] { ("e1", "a"), ("e2", "b") })
        {
            await Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = name },
                InvolvedObject = new V1ObjectReference { Kind = "Widget", Name = target, NamespaceProperty = "default" },
                Reason = "Tested",
                Type = "Normal",
            }, "default");
        }

        var events = await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=b,involvedObject.kind=Widget,type=Normal");

        Assert.Equal("e2", Assert.Single(events.Items).Metadata.Name);
        await KubeAssert.FailsWithStatusAsync(400, "BadRequest", () => Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "data.x=y"));
    }

    [Fact]
    public async Task Custom_objects_can_be_watched_through_the_genericClient()
    {
        await Widgets.RegisterAsync(Client);
        var from = Widgets.Rv(await Widgets.CreateAsync(Client, Widgets.New("a")));
        await Widgets.CreateAsync(Client, Widgets.New("b"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Widgets.Group, Widgets.Version, "default", Widgets.Plural, resourceVersion: from, timeoutSeconds: 30, cancellationToken: timeout.Token);
        var first = new List<string>();
        await foreach (var (type, item) in events)
        {
            first.Add($"{type} {((JsonElement)item).GetProperty("metadata").GetProperty("name").GetString()}");
            break;
        }

        Assert.Equal(["Added b"], first);
    }

    [Fact]
    public async Task Definitions_print_their_creation_time()
    {
        await Widgets.RegisterAsync(Client);
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        http.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json;as=Table;v=v1;g=meta.k8s.io"));

        var table = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", UriKind.Relative)))!;

        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("widgets.example.dev", cells[0]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(cells[1]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}

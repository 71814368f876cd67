using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class ListPagingTests : EmulatorTest
{
    // '-' sorts before '/' and 'a' after '0': "team-b/x" < "team/x" < "teama/x", the neighbours a prefix scan gets wrong.
    private static readonly string[] Namespaces = ["team", "team-b", "teama"];

    [Fact]
    public async Task Pages_across_all_namespaces_return_every_object_once_in_key_order_with_exact_remaining_counts()
    {
        var expected = await CreateMapsAsync(perNamespace: 5);

        var (pages, names) = await ListAllAsync(limit: 4, ns: null);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        Assert.Equal(4, pages.Count);
        Assert.Equal([11, 7, 3], pages.SkipLast(1).Select(p => p.Metadata.RemainingItemCount));
        Assert.Null(pages[^1].Metadata.ContinueProperty);
        Assert.Null(pages[^1].Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task Pages_of_one_namespace_never_reach_into_neighbouring_namespaces()
    {
        await CreateMapsAsync(perNamespace: 5);

        foreach (var ns in Namespaces)
        {
            var (pages, names) = await ListAllAsync(limit: 2, ns);

            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{ns}/m{i}"), names);
            Assert.Equal([3, 1], pages.SkipLast(1).Select(p => p.Metadata.RemainingItemCount));
        }
    }

    [Fact]
    public async Task A_watch_of_one_namespace_without_a_resourceVersion_starts_with_exactly_its_objects()
    {
        await CreateMapsAsync(perNamespace: 3);
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var body = await http.GetStringAsync(new Uri("/api/v1/namespaces/team/configmaps?watch=true&timeoutSeconds=1", UriKind.Relative));

        var events = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(events, e => Assert.Equal("ADDED", e["type"]!.GetValue<string>()));
        Assert.Equal(["team/m0", "team/m1", "team/m2"], events.Select(e => $"{e["object"]!["metadata"]!["namespace"]}/{e["object"]!["metadata"]!["name"]}"));
    }

    [Fact]
    public async Task A_page_whose_last_object_was_deleted_continues_at_the_next_key_and_counts_what_remains_now()
    {
        await CreateMapsAsync(perNamespace: 5);
        var first = await Client.CoreV1.ListNamespacedConfigMapAsync("team", limit: 2);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("m1", "team");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Map("m0a"), "team");
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Map("m5"), "team");
        var second = await Client.CoreV1.ListNamespacedConfigMapAsync("team", limit: 2, continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(["m0", "m1"], first.Items.Select(m => m.Metadata.Name));
        Assert.Equal(["m2", "m3"], second.Items.Select(m => m.Metadata.Name));
        Assert.Equal(2, second.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task A_selector_page_continues_only_when_another_object_matches()
    {
        foreach (var (name, app) in new[] { ("a", "x"), ("b", "y"), ("c", "x"), ("d", "y") })
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(Map(name, app), "default");
        }

        var full = await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "app=x", limit: 2);
        var more = await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "app=y", limit: 1);

        Assert.Equal(["a", "c"], full.Items.Select(m => m.Metadata.Name));
        Assert.Null(full.Metadata.ContinueProperty);
        Assert.Equal(["b"], more.Items.Select(m => m.Metadata.Name));
        Assert.NotNull(more.Metadata.ContinueProperty);
        Assert.Null(more.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task An_exact_list_below_the_retained_history_is_410_even_if_nothing_changed()
    {
        var map = await Client.CoreV1.CreateNamespacedConfigMapAsync(Map("a"), "default");
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");

        Kube.ExpireWatchHistory();

        await KubeAssert.FailsWithStatusAsync(410, "Expired", () =>
            Client.CoreV1.ListNamespacedConfigMapAsync("default", resourceVersion: map.Metadata.ResourceVersion, resourceVersionMatch: "Exact"));
    }

    private async Task<List<string>> CreateMapsAsync(int perNamespace)
    {
        var created = new List<string>();
        foreach (var ns in Namespaces)
        {
            await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });

            // Created out of order: the listing order is the store's, not the creation order.
            foreach (var i in Enumerable.Range(0, perNamespace).Reverse())
            {
                await Client.CoreV1.CreateNamespacedConfigMapAsync(Map($"m{i}"), ns);
                created.Add($"{ns}/m{i}");
            }
        }

        return created;
    }

    private async Task<(List<V1ConfigMapList> Pages, List<string> Names)> ListAllAsync(int limit, string? ns)
    {
        var pages = new List<V1ConfigMapList>();
        string? token = null;
        do
        {
            var page = ns is null
                ? await Client.CoreV1.ListConfigMapForAllNamespacesAsync(limit: limit, continueParameter: token)
                : await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: limit, continueParameter: token);
            pages.Add(page);
            token = page.Metadata.ContinueProperty;
        }
        while (token is not null);

        return (pages, [.. pages.SelectMany(p => p.Items).Select(m => $"{m.Metadata.NamespaceProperty}/{m.Metadata.Name}")]);
    }

    private static V1ConfigMap Map(string name, string? app = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = app is null ? null : new Dictionary<string, string> { ["app"] = app } },
    };
}

using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class WatchSemanticsTests : EmulatorTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override KubeApiEmulatorOptions Options => new() { WatchHistoryWindow = 50, BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Watch_from_a_resourceVersion_replays_only_later_changes_in_order()
    {
        await CreateMapAsync("before");
        var from = (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await CreateMapAsync("after");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.MergePatch), "after", "default");
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("after", "default");

        var events = await CollectAsync(resourceVersion: from, count: 3);

        Assert.Equal(["ADDED after", "MODIFIED after", "DELETED after"], events.Select(e => $"{e.Type.ToString().ToUpperInvariant()} {e.Object.Metadata.Name}"));
        var versions = events.Select(e => long.Parse(e.Object.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Watch_without_a_resourceVersion_starts_with_the_current_objects()
    {
        await CreateMapAsync("a");
        await CreateMapAsync("b");

        var events = await CollectAsync(resourceVersion: null, count: 2);

        Assert.Equal(["Added a", "Added b"], events.Select(e => $"{e.Type} {e.Object.Metadata.Name}"));
    }

    [Fact]
    public async Task Watch_with_a_label_selector_sees_objects_leave_and_enter_it()
    {
        var map = await CreateMapAsync("a", new Dictionary<string, string> { ["app"] = "x" });
        var from = map.Metadata.ResourceVersion;
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"app":"y"}}}""", V1Patch.PatchType.MergePatch), "a", "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"app":"x"}}}""", V1Patch.PatchType.MergePatch), "a", "default");

        var events = await CollectAsync(resourceVersion: from, count: 2, labelSelector: "app=x");

        Assert.Equal([WatchEventType.Deleted, WatchEventType.Added], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Bookmarks_arrive_when_allowed_and_carry_the_current_resourceVersion()
    {
        var map = await CreateMapAsync("a");

        var events = await CollectAsync(resourceVersion: map.Metadata.ResourceVersion, count: 1, bookmarks: true);

        var bookmark = Assert.Single(events);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.True(long.Parse(bookmark.Object.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(map.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_from_an_expired_resourceVersion_gets_a_410_Expired_error_event()
    {
        var map = await CreateMapAsync("a");
        await CreateMapAsync("b");
        Kube.ExpireWatchHistory();

        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        var body = await http.GetStringAsync(new Uri($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={map.Metadata.ResourceVersion}", UriKind.Relative));

        var evt = JsonNode.Parse(body.Trim())!;
        Assert.Equal("ERROR", evt["type"]!.GetValue<string>());
        Assert.Equal("Status", evt["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(410, evt["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", evt["object"]!["reason"]!.GetValue<string>());
        Assert.StartsWith($"too old resource version: {map.Metadata.ResourceVersion} (", evt["object"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesClient_reports_410_through_onError()
    {
        var map = await CreateMapAsync("a");
        for (var i = 0; i < 60; i++)
        {
            await CreateMapAsync($"fill{i}");
        }

        var error = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = Client.CoreV1.WatchListNamespacedConfigMap("default", resourceVersion: map.Metadata.ResourceVersion, onEvent: (_, _) => { }, onError: e => error.TrySetResult(e));

        var exception = Assert.IsType<KubernetesException>(await error.Task.WaitAsync(Patience));
        Assert.Equal(410, exception.Status.Code);
        Assert.Equal("Expired", exception.Status.Reason);
    }

    [Fact]
    public async Task SendInitialEvents_streams_the_state_then_a_marked_bookmark()
    {
        await CreateMapAsync("a");
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress, Timeout = Patience };

        var body = await http.GetStringAsync(new Uri("/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1", UriKind.Relative));

        var events = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("ADDED", events[0]["type"]!.GetValue<string>());
        Assert.Equal("BOOKMARK", events[1]["type"]!.GetValue<string>());
        Assert.Equal("true", events[1]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exact_list_of_a_changed_resource_at_an_old_revision_is_410()
    {
        var first = await CreateMapAsync("a");
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");

        var unchanged = await Client.CoreV1.ListNamespacedConfigMapAsync("default", resourceVersion: first.Metadata.ResourceVersion, resourceVersionMatch: "Exact");
        Assert.Equal(first.Metadata.ResourceVersion, unchanged.Metadata.ResourceVersion);

        await CreateMapAsync("b");
        await KubeAssert.FailsWithStatusAsync(410, "Expired", () =>
            Client.CoreV1.ListNamespacedConfigMapAsync("default", resourceVersion: first.Metadata.ResourceVersion, resourceVersionMatch: "Exact"));
    }

    [Fact]
    public async Task Watch_ends_after_timeoutSeconds()
    {
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress, Timeout = Patience };
        var started = DateTime.UtcNow;

        var body = await http.GetStringAsync(new Uri("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1", UriKind.Relative));

        Assert.Equal("", body);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task CloseAllWatches_ends_open_streams_cleanly()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = Client.CoreV1.WatchListNamespacedConfigMap("default", timeoutSeconds: 300, onEvent: (_, _) => { }, onClosed: () => closed.TrySetResult());
        await KubeAssert.EventuallyAsync(() => Task.FromResult(Kube.OpenWatchCount == 1), "the watch to open");

        Kube.Faults.CloseAllWatches();

        await closed.Task.WaitAsync(Patience);
        Assert.Equal(0, Kube.OpenWatchCount);
    }

    [Fact]
    public async Task Many_watchers_each_receive_every_event()
    {
        var from = (await CreateMapAsync("seed")).Metadata.ResourceVersion;
        var collectors = Enumerable.Range(0, 10).Select(_ => CollectAsync(from, count: 20)).ToList();
        for (var i = 0; i < 20; i++)
        {
            await CreateMapAsync($"m{i:00}");
        }

        foreach (var events in await Task.WhenAll(collectors))
        {
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i:00}"), events.Select(e => e.Object.Metadata.Name));
        }
    }

    private async Task<V1ConfigMap> CreateMapAsync(string name, IDictionary<string, string>? labels = null) =>
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, "default");

    private async Task<List<(WatchEventType Type, V1ConfigMap Object)>> CollectAsync(string? resourceVersion, int count, string? labelSelector = null, bool bookmarks = false)
    {
        var events = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        using var watcher = Client.CoreV1.WatchListNamespacedConfigMap(
            "default", allowWatchBookmarks: bookmarks, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: 60,
            onEvent: (type, item) => events.Writer.TryWrite((type, item)));
        var result = new List<(WatchEventType, V1ConfigMap)>();
        using var timeout = new CancellationTokenSource(Patience);
        while (result.Count < count)
        {
            result.Add(await events.Reader.ReadAsync(timeout.Token));
        }

        return result;
    }
}

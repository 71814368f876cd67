using System.Collections.Concurrent;
using k8s.Models;
using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class NamespaceListTests
{
    private const string TeamA = "team-a";
    private const string TeamB = "team-b";
    private const string Unwatched = "team-c";

    [Fact]
    public async Task Caches_and_reconciles_the_watched_namespaces_only()
    {
        await using var cluster = await StartClusterAsync();
        await cluster.CreateWidgetAsync("a1", @namespace: TeamA);
        await cluster.CreateWidgetAsync("b1", @namespace: TeamB);
        await cluster.CreateWidgetAsync("c1", @namespace: Unwatched);
        var (manager, informer, reconciler, _) = StartManager(cluster);
        await manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);

        // Created after the first list: reaches the cache through the namespace's own watch.
        await cluster.CreateWidgetAsync("a2", @namespace: TeamA);
        await cluster.CreateWidgetAsync("b2", @namespace: TeamB);
        await cluster.CreateWidgetAsync("c2", @namespace: Unwatched);

        Request[] watched = [new(TeamA, "a1"), new(TeamA, "a2"), new(TeamB, "b1"), new(TeamB, "b2")];
        await Eventually.TrueAsync(
            () => watched.All(r => reconciler.Calls.Any(c => c.Request == r && c.Widget is not null)),
            "every widget of the watched namespaces reconciled from the cache");
        Assert.Equal(watched.ToHashSet(), informer.Keys().ToHashSet());
        Assert.DoesNotContain(reconciler.Calls, c => c.Request.Namespace == Unwatched);
        Assert.True(informer.HasSynced);
        Assert.Null(informer.LastSyncResourceVersion);

        // One list/watch per namespace: none across all namespaces, none in the unwatched one (the test itself only POSTs).
        var widgetRequests = cluster.Emulator.Requests.All.Where(r => r.Method == "GET" && r.Path.EndsWith("/widgets", StringComparison.Ordinal)).ToList();
        Assert.Contains(widgetRequests, r => r.Path.Contains($"/namespaces/{TeamA}/", StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal));
        Assert.Contains(widgetRequests, r => r.Path.Contains($"/namespaces/{TeamB}/", StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal));
        Assert.DoesNotContain(widgetRequests, r => !r.Path.Contains("/namespaces/", StringComparison.Ordinal) || r.Path.Contains($"/namespaces/{Unwatched}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_410_in_one_namespace_relists_it_without_dropping_the_other_namespace()
    {
        await using var cluster = await StartClusterAsync();
        await cluster.CreateWidgetAsync("a1", @namespace: TeamA);
        await cluster.CreateWidgetAsync("a2", @namespace: TeamA);
        await cluster.CreateWidgetAsync("b1", @namespace: TeamB);
        await cluster.CreateWidgetAsync("b2", @namespace: TeamB);
        var (manager, informer, reconciler, events) = StartManager(cluster);
        using var restarts = new WatchRestartRecorder(manager.Metrics);
        await manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => cluster.Emulator.OpenWatchCount >= 2, "both namespaces are watched");

        // team-a cannot reconnect while it changes; team-b reconnects at once and sees the last change of the cluster,
        // so after the history is expired only team-a's resourceVersion is too old.
        cluster.Emulator.Faults.FailNext(100_000, 503, $"/namespaces/{TeamA}/widgets", "GET");
        cluster.Emulator.Faults.CloseAllWatches();
        await cluster.Widgets.DeleteAsync(TeamA, "a1", CancellationToken.None);
        await cluster.CreateWidgetAsync("a3", @namespace: TeamA);
        var resized = await cluster.Widgets.PatchAsync(TeamB, "b1", new V1Patch("""{"spec":{"size":5}}""", V1Patch.PatchType.MergePatch), CancellationToken.None);
        await Eventually.TrueAsync(
            () => informer.Get(new Request(TeamB, "b1"))?.Metadata.ResourceVersion == resized.Metadata.ResourceVersion,
            "team-b's watch delivered the resize");
        var teamBListsBefore = CountLists(cluster, TeamB);
        cluster.Emulator.ExpireWatchHistory();
        cluster.Emulator.Faults.Clear();

        Request[] expected = [new(TeamA, "a2"), new(TeamA, "a3"), new(TeamB, "b1"), new(TeamB, "b2")];
        await Eventually.TrueAsync(
            () => informer.Keys().ToHashSet().SetEquals(expected)
                && reconciler.Calls.Any(c => c.Request == new Request(TeamA, "a1") && c.Widget is null)
                && reconciler.Calls.Any(c => c.Request == new Request(TeamA, "a3") && c.Widget is not null),
            "team-a relisted: the deletion missed while disconnected reconciled and the new widget cached");
        Assert.Contains("expired", restarts.Reasons);
        Assert.DoesNotContain(events, e => e.Type == ResourceEventType.Deleted && e.Resource.Metadata.NamespaceProperty == TeamB);
        Assert.Equal(teamBListsBefore, CountLists(cluster, TeamB));
    }

    [Fact]
    public async Task Has_synced_only_once_every_watched_namespace_has_listed()
    {
        await using var cluster = await StartClusterAsync();
        await cluster.CreateWidgetAsync("a1", @namespace: TeamA);
        await cluster.CreateWidgetAsync("b1", @namespace: TeamB);
        cluster.Emulator.Faults.FailNext(100_000, 503, $"/namespaces/{TeamB}/widgets", "GET");
        var (manager, informer, _, _) = StartManager(cluster);

        await Eventually.TrueAsync(() => informer.Get(new Request(TeamA, "a1")) is not null, "team-a listed");
        await Eventually.TrueAsync(() => CountLists(cluster, TeamB) > 0, "team-b's list attempted");
        var sync = manager.WaitForCacheSyncAsync(CancellationToken.None);
        Assert.False(informer.HasSynced);
        Assert.False(sync.IsCompleted);

        cluster.Emulator.Faults.Clear();
        await sync.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(informer.HasSynced);
        Assert.NotNull(informer.Get(new Request(TeamB, "b1")));
    }

    [Fact]
    public async Task A_cluster_scoped_type_ignores_the_namespace_list()
    {
        await using var cluster = await StartClusterAsync();
        var namespaces = new ResourceDescriptor("", "v1", "namespaces", "Namespace", Namespaced: false);
        var informer = new ResourceInformer<V1Namespace>(new ResourceClient<V1Namespace>(cluster.Client, namespaces), new InformerOptions { Namespaces = [TeamA, TeamB] });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        try
        {
            await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);

            Assert.Contains(new Request(null, Unwatched), informer.Keys());
            Assert.Contains(new Request(null, TeamA), informer.Keys());
            Assert.NotNull(informer.LastSyncResourceVersion);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(Eventually.DefaultTimeout);
        }
    }

    private static async Task<EmulatedCluster> StartClusterAsync()
    {
        var cluster = await EmulatedCluster.StartAsync();
        foreach (var name in new[] { TeamA, TeamB, Unwatched })
        {
            await cluster.EnsureNamespaceAsync(name);
        }

        return cluster;
    }

    private static (Manager Manager, ResourceInformer<Widget> Informer, RecordingReconciler Reconciler, ConcurrentQueue<ResourceEvent<Widget>> Events) StartManager(EmulatedCluster cluster)
    {
        var manager = new Manager(cluster.Client, new ManagerOptions
        {
            Name = "runtime-tests",
            Namespaces = [TeamA, TeamB],
            Controller = new ControllerOptions { Workers = 2 },
            Informer = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(500) },
        });
        var reconciler = new RecordingReconciler();
        var informer = manager.For<Widget>(WidgetResource.Descriptor).Complete(reconciler).Informer;
        reconciler.Cache = informer;
        var events = new ConcurrentQueue<ResourceEvent<Widget>>();
        informer.AddHandler(events.Enqueue);
        cluster.Run(manager);
        return (manager, informer, reconciler, events);
    }

    private static int CountLists(EmulatedCluster cluster, string @namespace) =>
        cluster.Emulator.Requests.All.Count(r =>
            r.Method == "GET"
            && r.Path.EndsWith($"/namespaces/{@namespace}/widgets", StringComparison.Ordinal)
            && !r.Query.Contains("watch=true", StringComparison.Ordinal));
}

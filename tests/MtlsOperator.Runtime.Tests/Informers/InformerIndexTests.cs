using System.Text.Json.Nodes;
using k8s.Models;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Tests.EndToEnd;

namespace MtlsOperator.Runtime.Tests.Informers;

public sealed class InformerIndexTests
{
    private const string Uses = "uses";
    private const string ByUses = "by-uses";

    [Fact]
    public async Task Finds_objects_by_index_value_as_they_are_created_relabelled_and_deleted()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var informer = await RunningInformer.StartAsync(cluster, index => index.AddIndex(ByUses, UsesOf));

        await CreateAsync(cluster, "w1", "secret-a");
        await CreateAsync(cluster, "w2", "secret-a");
        await CreateAsync(cluster, "w3", "secret-b");
        await CreateAsync(cluster, "w4", null);
        await Eventually.TrueAsync(() => informer.Cache.Count == 4, "four widgets cached");
        Assert.Equal(["w1", "w2"], Names(informer.Cache.ByIndex(ByUses, "secret-a")));
        Assert.Equal(["w3"], Names(informer.Cache.ByIndex(ByUses, "secret-b")));

        await RelabelAsync(cluster, "w1", "secret-b");
        await Eventually.TrueAsync(() => Names(informer.Cache.ByIndex(ByUses, "secret-b")).Count == 2, "w1 filed under its new value");
        Assert.Equal(["w2"], Names(informer.Cache.ByIndex(ByUses, "secret-a")));

        await cluster.Widgets.DeleteAsync(EmulatedCluster.Namespace, "w2", CancellationToken.None);
        await Eventually.TrueAsync(() => informer.Cache.ByIndex(ByUses, "secret-a").Count == 0, "the deleted w2 leaves the index");
        Assert.Equal(["w1", "w3"], Names(informer.Cache.ByIndex(ByUses, "secret-b")));
        Assert.Empty(informer.Cache.ByIndex(ByUses, "never-used"));
    }

    [Fact]
    public async Task An_index_added_after_the_first_list_covers_the_objects_already_cached()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await CreateAsync(cluster, "w1", "secret-a");
        await using var informer = await RunningInformer.StartAsync(cluster, _ => { });

        informer.Cache.AddIndex(ByUses, UsesOf);

        Assert.Equal(["w1"], Names(informer.Cache.ByIndex(ByUses, "secret-a")));
    }

    [Fact]
    public async Task Deletions_seen_only_by_a_relist_leave_the_index()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await CreateAsync(cluster, "w1", "secret-a");
        await CreateAsync(cluster, "w2", "secret-a");
        await using var informer = await RunningInformer.StartAsync(cluster, index => index.AddIndex(ByUses, UsesOf));
        await Eventually.TrueAsync(() => cluster.Emulator.OpenWatchCount > 0, "the informer is watching");

        // The watch cannot come back while w1 goes, and the history that would replay the deletion is gone: only a relist sees it.
        cluster.Emulator.Faults.FailNext(100_000, 503, "/widgets", "GET");
        cluster.Emulator.Faults.CloseAllWatches();
        await cluster.Widgets.DeleteAsync(EmulatedCluster.Namespace, "w1", CancellationToken.None);
        cluster.Emulator.ExpireWatchHistory();
        cluster.Emulator.Faults.Clear();

        await Eventually.TrueAsync(() => informer.Cache.Count == 1, "the relist drops w1 from the cache");
        Assert.Equal(["w2"], Names(informer.Cache.ByIndex(ByUses, "secret-a")));
    }

    [Fact]
    public async Task A_failing_index_function_leaves_the_object_out_of_that_index_only()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var informer = await RunningInformer.StartAsync(cluster, index =>
        {
            index.AddIndex("fragile", w => w.Metadata.Name == "bad" ? throw new InvalidOperationException("broken index function") : UsesOf(w));
            index.AddIndex(ByUses, UsesOf);
        });

        await CreateAsync(cluster, "bad", "secret-a");
        await CreateAsync(cluster, "good", "secret-a");
        await Eventually.TrueAsync(() => informer.Cache.Count == 2, "both widgets cached");

        Assert.Equal(["good"], Names(informer.Cache.ByIndex("fragile", "secret-a")));
        Assert.Equal(["bad", "good"], Names(informer.Cache.ByIndex(ByUses, "secret-a")));
    }

    [Fact]
    public async Task Refuses_a_second_index_of_the_same_name_and_a_lookup_in_an_unknown_one()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var informer = await RunningInformer.StartAsync(cluster, index => index.AddIndex(ByUses, UsesOf));

        Assert.Throws<InvalidOperationException>(() => informer.Cache.AddIndex(ByUses, UsesOf));
        Assert.Throws<ArgumentException>(() => informer.Cache.ByIndex("no-such-index", "secret-a"));
    }

    private static IEnumerable<string> UsesOf(Widget widget) =>
        widget.Metadata.Labels?.TryGetValue(Uses, out var value) == true ? [value] : [];

    private static List<string> Names(IEnumerable<Widget> widgets) => [.. widgets.Select(w => w.Metadata.Name).Order(StringComparer.Ordinal)];

    private static Task<Widget> CreateAsync(EmulatedCluster cluster, string name, string? uses) =>
        cluster.Widgets.CreateAsync(
            new Widget
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = EmulatedCluster.Namespace,
                    Labels = uses is null ? null : new Dictionary<string, string> { [Uses] = uses },
                },
            },
            CancellationToken.None);

    private static Task<Widget> RelabelAsync(EmulatedCluster cluster, string name, string uses) =>
        cluster.Widgets.PatchAsync(EmulatedCluster.Namespace, name, new V1Patch(new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Uses] = uses } } }.ToJsonString(), V1Patch.PatchType.MergePatch), CancellationToken.None);

    /// <summary>A Widget informer of the test namespace, synced, stopped on dispose.</summary>
    private sealed class RunningInformer : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task run = Task.CompletedTask;

        private RunningInformer(ResourceInformer<Widget> cache) => Cache = cache;

        public ResourceInformer<Widget> Cache { get; }

        public static async Task<RunningInformer> StartAsync(EmulatedCluster cluster, Action<ResourceInformer<Widget>> indexes)
        {
            var options = new InformerOptions { Namespaces = [EmulatedCluster.Namespace], InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };
            var informer = new RunningInformer(new ResourceInformer<Widget>(cluster.Widgets, options));
            indexes(informer.Cache);
            informer.run = informer.Cache.RunAsync(informer.stop.Token);
            await informer.Cache.WaitForSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);
            return informer;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run.WaitAsync(Eventually.DefaultTimeout);
            stop.Dispose();
        }
    }
}

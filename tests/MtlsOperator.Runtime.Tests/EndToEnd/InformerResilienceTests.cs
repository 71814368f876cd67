using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Status;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class InformerResilienceTests
{
    [Fact]
    public async Task Dropped_watches_and_a_forced_410_lose_no_change()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var live = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            await cluster.CreateWidgetAsync($"w{i}");
            live.Add($"w{i}");
        }

        var manager = cluster.NewManager();
        using var restarts = new WatchRestartRecorder(manager.Metrics);
        var statusWriter = new StatusWriter<Widget>(manager.GetClient<Widget>(WidgetResource.Descriptor));
        var reconciler = new RecordingReconciler(async (call, ct) =>
        {
            if (call.Widget is { } widget)
            {
                await statusWriter.UpdateAsync(widget, w => w.Status = new WidgetStatus { ObservedGeneration = w.Metadata.Generation }, ct);
            }

            return Result.Done;
        });
        var informer = manager.For<Widget>(WidgetResource.Descriptor).Complete(reconciler).Informer;
        reconciler.Cache = informer;
        cluster.Run(manager);
        await manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);

        for (var round = 0; round < 6; round++)
        {
            // Odd rounds: the informer cannot reconnect while things change, and then the history it would need is gone.
            var outage = round % 2 == 1;
            await Eventually.TrueAsync(() => cluster.Emulator.OpenWatchCount > 0, "the informer is watching");
            if (outage)
            {
                cluster.Emulator.Faults.FailNext(100_000, 503, "/widgets", "GET");
            }

            cluster.Emulator.Faults.CloseAllWatches();
            foreach (var name in live.Take(4).ToArray())
            {
                await cluster.ResizeAsync(name, round + 10);
            }

            var gone = live.First();
            await cluster.Widgets.DeleteAsync(EmulatedCluster.Namespace, gone, CancellationToken.None);
            live.Remove(gone);
            await cluster.CreateWidgetAsync($"new{round}");
            live.Add($"new{round}");
            if (outage)
            {
                cluster.Emulator.ExpireWatchHistory();
                cluster.Emulator.Faults.Clear();
            }
            else
            {
                await Eventually.TrueAsync(() => cluster.Emulator.OpenWatchCount > 0, "the informer is watching again");
                cluster.Emulator.Faults.CloseAllWatches();
            }
        }

        await Eventually.TrueAsync(
            async () =>
            {
                var list = await cluster.Widgets.ListAsync(EmulatedCluster.Namespace, null, null, null, CancellationToken.None);
                return list.Items.Count == live.Count
                    && list.Items.All(w => w.Status?.ObservedGeneration == w.Metadata.Generation)
                    && informer.Keys().Select(k => k.Name).Order().SequenceEqual(live.Order());
            },
            "every widget reconciled at its latest generation and the cache matching the server");
        Assert.Contains("expired", restarts.Reasons);
        Assert.Contains("closed", restarts.Reasons);
    }
}

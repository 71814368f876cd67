using System.Collections.Concurrent;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_lets_in_flight_reconciles_finish_and_cancels_one_that_overruns_the_deadline()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("quick");
        await cluster.CreateWidgetAsync("stuck");
        var outcomes = new ConcurrentDictionary<string, string>();
        var started = 0;
        var reconciler = new RecordingReconciler(async (call, ct) =>
        {
            Interlocked.Increment(ref started);
            try
            {
                // "quick" needs a moment after shutdown starts; "stuck" would never end on its own.
                await Task.Delay(call.Request.Name == "quick" ? TimeSpan.FromMilliseconds(500) : Timeout.InfiniteTimeSpan, ct);
                outcomes[call.Request.Name] = "finished";
            }
            catch (OperationCanceledException)
            {
                outcomes[call.Request.Name] = "cancelled";
                throw;
            }

            return Result.Done;
        });
        var manager = cluster.NewManager(new ManagerOptions { ShutdownTimeout = TimeSpan.FromSeconds(2) });
        reconciler.Cache = manager.For<Widget>(WidgetResource.Descriptor).Complete(reconciler).Informer;
        var running = cluster.Run(manager);
        await Eventually.TrueAsync(() => Volatile.Read(ref started) == 2, "both reconciles running");

        await running.StopAsync();

        Assert.Equal("finished", outcomes["quick"]);
        Assert.Equal("cancelled", outcomes["stuck"]);
        Assert.Equal(2, reconciler.Calls.Count);
    }
}

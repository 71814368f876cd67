using k8s;
using System.Collections.Concurrent;
using System.Diagnostics;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Leadership;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class LeaderElectionTests
{
    private const int Widgets = 4;

    [Fact]
    public async Task Only_the_leader_writes_and_a_dead_leader_is_replaced_within_the_lease_duration_without_overlap()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        for (var i = 0; i < Widgets; i++)
        {
            await cluster.CreateWidgetAsync($"w{i}");
        }

        var leaseDuration = TimeSpan.FromSeconds(8);
        var a = StartInstance(cluster, "a", leaseDuration);
        await Eventually.TrueAsync(() => a.Running.Manager.IsLeader, "a leads");
        var b = StartInstance(cluster, "b", leaseDuration);
        await Eventually.TrueAsync(() => AllReconciledBy(cluster, "a", generation: 1), "a reconciled every widget");
        await b.Running.Manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);
        Assert.False(b.Running.Manager.IsLeader);
        Assert.Empty(b.Connection.ControllerWrites);

        // The leader's pod freezes: no renewals, no writes reach the API server.
        a.Connection.Sever();
        cluster.Emulator.Faults.CloseAllWatches();
        var killedAt = Stopwatch.GetTimestamp();
        await Eventually.TrueAsync(() => b.Running.Manager.IsLeader, "b takes over");
        var handover = Stopwatch.GetElapsedTime(killedAt);
        Assert.True(handover < leaseDuration + TimeSpan.FromSeconds(10), $"handover took {handover}");

        for (var i = 0; i < Widgets; i++)
        {
            await cluster.ResizeAsync($"w{i}", 2);
        }

        await Eventually.TrueAsync(() => AllReconciledBy(cluster, "b", generation: 2), "b reconciled the changes");

        // The old leader comes back: it must stay a standby and write nothing.
        a.Connection.Restore();
        for (var i = 0; i < Widgets; i++)
        {
            await cluster.ResizeAsync($"w{i}", 3);
        }

        await Eventually.TrueAsync(() => AllReconciledBy(cluster, "b", generation: 3), "b reconciled again");
        Assert.False(a.Running.Manager.IsLeader);

        var aStopped = a.Transitions.Single(t => !t.Leading).Timestamp;
        var bStarted = b.Transitions.First(t => t.Leading).Timestamp;
        Assert.True(aStopped < bStarted, "the old leader stopped its workers before the new one started");
        Assert.All(a.Connection.ControllerWrites, w => Assert.True(w.Timestamp < aStopped, $"the old leader wrote {w.Method} {w.Path} after losing the lease"));
        Assert.All(b.Connection.ControllerWrites, w => Assert.True(w.Timestamp > bStarted, $"the standby wrote {w.Method} {w.Path} before leading"));
    }

    [Fact]
    public async Task A_leader_shutting_down_releases_the_lease_so_the_standby_takes_over_at_once()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w0");
        var leaseDuration = TimeSpan.FromSeconds(15);
        var a = StartInstance(cluster, "a", leaseDuration);
        await Eventually.TrueAsync(() => a.Running.Manager.IsLeader, "a leads");
        var b = StartInstance(cluster, "b", leaseDuration);
        await b.Running.Manager.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);

        var stoppingAt = Stopwatch.GetTimestamp();
        await a.Running.StopAsync();
        await Eventually.TrueAsync(() => b.Running.Manager.IsLeader, "b takes over");

        Assert.True(Stopwatch.GetElapsedTime(stoppingAt) < leaseDuration, "b waited out the lease instead of taking the released one");
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("runtime-tests", EmulatedCluster.Namespace);
        Assert.Equal("b", lease.Spec.HolderIdentity);
    }

    private static Instance StartInstance(EmulatedCluster cluster, string identity, TimeSpan leaseDuration)
    {
        var connection = new ClusterConnection();
        var client = cluster.CreateClient(connection);
        var manager = cluster.NewManager(new ManagerOptions
        {
            LeaderElection = new LeaderElectionOptions
            {
                LeaseNamespace = EmulatedCluster.Namespace,
                LeaseName = "runtime-tests",
                Identity = identity,
                LeaseDuration = leaseDuration,
                // Slack for a loaded test machine: a healthy leader must not miss its renewals by accident.
                RenewDeadline = leaseDuration - TimeSpan.FromSeconds(2),
                RetryPeriod = TimeSpan.FromSeconds(1),
            },
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        }, client);
        var transitions = new ConcurrentQueue<(long Timestamp, bool Leading)>();
        manager.LeadershipChanged += leading => transitions.Enqueue((Stopwatch.GetTimestamp(), leading));
        var statusWriter = new StatusWriter<Widget>(manager.GetClient<Widget>(WidgetResource.Descriptor));
        var reconciler = new RecordingReconciler(async (call, ct) =>
        {
            if (call.Widget is { } widget)
            {
                await statusWriter.UpdateAsync(widget, w => w.Status = new WidgetStatus { ObservedGeneration = w.Metadata.Generation, ReconciledBy = identity }, ct);
            }

            return Result.Done;
        });
        reconciler.Cache = manager.For<Widget>(WidgetResource.Descriptor).Complete(reconciler).Informer;
        return new Instance(cluster.Run(manager), connection, transitions);
    }

    private static async Task<bool> AllReconciledBy(EmulatedCluster cluster, string identity, long generation)
    {
        var list = await cluster.Widgets.ListAsync(EmulatedCluster.Namespace, null, null, null, CancellationToken.None);
        return list.Items.Count == Widgets
            && list.Items.All(w => w.Status?.ReconciledBy == identity && w.Status.ObservedGeneration == generation && w.Metadata.Generation == generation);
    }

    private sealed record Instance(RunningManager Running, ClusterConnection Connection, ConcurrentQueue<(long Timestamp, bool Leading)> Transitions);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MtlsOperator.Runtime.Metrics;

/// <summary>
/// The runtime's instruments on the <c>MtlsOperator.Runtime</c> meter, named as controller-runtime and client-go name
/// theirs so existing dashboards read them; the host exports them.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    /// <summary>The meter name every instrument is published under.</summary>
    public const string MeterName = "MtlsOperator.Runtime";

    private readonly UpDownCounter<long> queueDepth;
    private readonly Counter<long> queueAdds;
    private readonly Counter<long> queueRetries;
    private readonly Counter<long> reconcileTotal;
    private readonly Histogram<double> reconcileDuration;
    private readonly Counter<long> watchRestarts;
    private readonly UpDownCounter<long> activeWorkers;
    private readonly UpDownCounter<long> leader;
    private readonly bool ownsMeter;

    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        // A factory owns and disposes its meters; a meter made here is ours to dispose.
        ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        queueDepth = Meter.CreateUpDownCounter<long>("workqueue_depth", description: "Keys waiting in the work queue (not counting delayed ones).");
        queueAdds = Meter.CreateCounter<long>("workqueue_adds_total", description: "Keys added to the work queue.");
        queueRetries = Meter.CreateCounter<long>("workqueue_retries_total", description: "Keys re-added with rate-limited backoff.");
        reconcileTotal = Meter.CreateCounter<long>("controller_runtime_reconcile_total", description: "Reconciles by result: success, requeue_after, error, terminal, canceled.");
        reconcileDuration = Meter.CreateHistogram<double>("controller_runtime_reconcile_time_seconds", unit: "s", description: "Time spent in a reconcile.");
        watchRestarts = Meter.CreateCounter<long>("informer_watch_restarts_total", description: "Watches restarted, by reason: closed, expired, error, watchdog.");
        activeWorkers = Meter.CreateUpDownCounter<long>("controller_runtime_active_workers", description: "Workers currently running a reconcile.");
        leader = Meter.CreateUpDownCounter<long>("leader_election_master_status", description: "1 while this instance holds the lease.");
    }

    /// <summary>The meter; tests listen on it, hosts export it.</summary>
    public Meter Meter { get; }

    internal void QueueDepthChanged(string queue, long delta) => queueDepth.Add(delta, new TagList { { "name", queue } });

    internal void QueueAdded(string queue) => queueAdds.Add(1, new TagList { { "name", queue } });

    internal void QueueRetried(string queue) => queueRetries.Add(1, new TagList { { "name", queue } });

    internal void Reconciled(string controller, string result, TimeSpan duration)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        reconcileTotal.Add(1, tags);
        reconcileDuration.Record(duration.TotalSeconds, new TagList { { "controller", controller } });
    }

    internal void WorkerActive(string controller, long delta) => activeWorkers.Add(delta, new TagList { { "controller", controller } });

    internal void WatchRestarted(string resource, string reason) => watchRestarts.Add(1, new TagList { { "resource", resource }, { "reason", reason } });

    internal void LeadershipChanged(string lease, bool leading) => leader.Add(leading ? 1 : -1, new TagList { { "name", lease } });

    public void Dispose()
    {
        if (ownsMeter)
        {
            Meter.Dispose();
        }
    }
}

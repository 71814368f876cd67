using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Runtime.Leadership;

/// <summary>
/// Campaigns for a Lease with the client's <see cref="LeaderElector"/> and runs work only while leading. When
/// leadership is lost the work's token is cancelled and the work is awaited before campaigning again; on shutdown the
/// work drains first, then renewals stop and the Lease is released so a successor takes over at once.
/// </summary>
public sealed class LeaseLeaderElection
{
    private readonly IKubernetes client;
    private readonly LeaderElectionOptions options;
    private readonly ILogger logger;
    private readonly RuntimeMetrics? metrics;
    private readonly TimeProvider time;
    private readonly string leaseName;
    private volatile bool isLeader;

    public LeaseLeaderElection(IKubernetes client, LeaderElectionOptions options, ILogger? logger = null, RuntimeMetrics? metrics = null, TimeProvider? time = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        this.logger = logger ?? NullLogger.Instance;
        this.metrics = metrics;
        this.time = time ?? TimeProvider.System;
        leaseName = $"{options.LeaseNamespace}/{options.LeaseName}";
    }

    /// <summary>True while this instance holds the Lease and its work runs.</summary>
    public bool IsLeader => isLeader;

    /// <summary>This instance's identity in the Lease.</summary>
    public string Identity => options.Identity;

    /// <summary>
    /// Raised with true once leadership is won (before work starts) and with false once work has stopped after losing
    /// it or shutting down; for readiness probes and tests.
    /// </summary>
    public event Action<bool>? LeadershipChanged;

    /// <summary>
    /// Campaigns until <paramref name="shutdown"/>. Each time leadership is won, <paramref name="whileLeading"/> runs with
    /// a token cancelled on loss (hard stop) and the shutdown token (graceful drain); it must return once either fires.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, CancellationToken, Task> whileLeading, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        while (!shutdown.IsCancellationRequested)
        {
            await RunTermAsync(whileLeading, shutdown).ConfigureAwait(false);
        }
    }

    private async Task RunTermAsync(Func<CancellationToken, CancellationToken, Task> whileLeading, CancellationToken shutdown)
    {
        // The elector gets its own token, not the shutdown one: a leader keeps renewing while it drains.
        using var campaign = new CancellationTokenSource();
        using var leadership = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaseLock = new FencedLeaseLock(
            new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity),
            () => CancelQuietly(leadership));
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            leaseLock.Leading = true;
            started.TrySetResult();
        };
        elector.OnStoppedLeading += () =>
        {
            leaseLock.Leading = false;
            CancelQuietly(leadership);
        };
        elector.OnNewLeader += leader => RuntimeLog.NewLeader(logger, leaseName, leader ?? "(nobody)");
        elector.OnError += error => RuntimeLog.ElectionError(logger, error, leaseName);

        var electorRun = RunElectorAsync(elector, logger, leaseName, campaign.Token);
        var stopping = Task.Delay(Timeout.Infinite, shutdown);
        var first = await Task.WhenAny(started.Task, electorRun, stopping).ConfigureAwait(false);
        if (first != started.Task)
        {
            // Shut down, or the elector failed (API unreachable) before winning: nothing ran, nothing to release.
            await CancelAndWaitAsync(campaign, electorRun).ConfigureAwait(false);
            if (!shutdown.IsCancellationRequested)
            {
                await Task.WhenAny(Task.Delay(options.RetryPeriod, time, shutdown)).ConfigureAwait(false);
            }

            return;
        }

        isLeader = true;
        metrics?.LeadershipChanged(leaseName, leading: true);
        RuntimeLog.StartedLeading(logger, options.Identity, leaseName);
        LeadershipChanged?.Invoke(true);
        try
        {
            await whileLeading(leadership.Token, shutdown).ConfigureAwait(false);
        }
        finally
        {
            // Work has stopped: only now may renewals end (or, on loss, the next campaign begin).
            var stillHeld = !leadership.IsCancellationRequested;
            isLeader = false;
            metrics?.LeadershipChanged(leaseName, leading: false);
            if (!stillHeld)
            {
                RuntimeLog.StoppedLeading(logger, options.Identity, leaseName);
            }

            leaseLock.Leading = false;
            LeadershipChanged?.Invoke(false);
            await CancelAndWaitAsync(campaign, electorRun).ConfigureAwait(false);
            if (stillHeld && shutdown.IsCancellationRequested)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task RunElectorAsync(LeaderElector elector, ILogger logger, string leaseName, CancellationToken campaign)
    {
        try
        {
            await elector.RunUntilLeadershipLostAsync(campaign).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (campaign.IsCancellationRequested)
        {
            // Our own stop.
        }
        catch (Exception e)
        {
            // The client's acquire loop lets transport errors escape; the next term campaigns again.
            RuntimeLog.ElectionError(logger, e, leaseName);
        }
    }

    private static async Task CancelAndWaitAsync(CancellationTokenSource campaign, Task electorRun)
    {
        CancelQuietly(campaign);
        await electorRun.ConfigureAwait(false);
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The term already ended.
        }
    }

    private async Task ReleaseAsync()
    {
        // Like client-go's ReleaseOnCancel: an empty holder lets a standby take over on its next retry instead of
        // waiting out the lease. The PUT carries the resourceVersion we read, so a lease someone else took is left alone.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        try
        {
            var leaseLock = new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity);
            var record = await leaseLock.GetAsync(timeout.Token).ConfigureAwait(false);
            if (!string.Equals(record?.HolderIdentity, options.Identity, StringComparison.Ordinal))
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var released = await leaseLock.UpdateAsync(
                new LeaderElectionRecord
                {
                    HolderIdentity = "",
                    LeaseDurationSeconds = 1,
                    AcquireTime = now,
                    RenewTime = now,
                    LeaderTransitions = record!.LeaderTransitions,
                },
                timeout.Token).ConfigureAwait(false);
            if (released)
            {
                RuntimeLog.LeaseReleased(logger, options.Identity, leaseName);
            }
            else
            {
                RuntimeLog.LeaseReleaseFailed(logger, null, options.Identity, leaseName);
            }
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            RuntimeLog.LeaseReleaseFailed(logger, e, options.Identity, leaseName);
        }
    }
}

using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Informers;

namespace MtlsOperator.Hosting;

/// <summary>
/// What <c>/healthz</c> and <c>/readyz</c> answer. Alive while the manager's run loop has not died; an informer whose
/// watch goes silent is reconnected by its own watchdog, so a wedged watch heals rather than needing a restart. Ready
/// once every informer has listed: the leader and warm standbys alike, so a rollout never waits on the lease.
/// </summary>
public sealed class OperatorHealth(Manager manager, IReadOnlyList<IInformer> informers)
{
    private Task? run;
    private Task? synced;

    /// <summary>Liveness: the manager is running (or has not started yet) and has not crashed.</summary>
    public HealthReport Liveness()
    {
        var current = Volatile.Read(ref run);
        return current switch
        {
            { IsFaulted: true } => new(false, [$"[-]manager failed: {current.Exception?.InnerException?.GetType().Name}"]),
            { IsCompleted: true } => new(false, ["[-]manager failed: stopped"]),
            _ => new(true, ["[+]manager ok"]),
        };
    }

    /// <summary>Readiness: every informer's cache has synced; says whether this instance leads or stands by.</summary>
    public HealthReport Readiness()
    {
        var checks = informers
            .Select(i => i.HasSynced ? $"[+]informer {i.Resource} ok" : $"[-]informer {i.Resource} failed: not synced")
            .ToList();
        var allSynced = Volatile.Read(ref synced) is { IsCompletedSuccessfully: true };
        checks.Add(allSynced ? "[+]caches ok" : "[-]caches failed: not synced");
        checks.Add(manager.IsLeader ? "[+]leadership ok: leader" : "[+]leadership ok: standby");
        return new(allSynced && Liveness().Healthy, checks);
    }

    /// <summary>Watches <paramref name="managerRun"/> from now on; called once the manager starts.</summary>
    internal void Track(Task managerRun, CancellationToken cancellationToken)
    {
        Volatile.Write(ref run, managerRun);
        var sync = manager.WaitForCacheSyncAsync(cancellationToken);

        // Observe a cancelled wait so it never surfaces as an unobserved task exception.
        _ = sync.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        Volatile.Write(ref synced, sync);
    }
}

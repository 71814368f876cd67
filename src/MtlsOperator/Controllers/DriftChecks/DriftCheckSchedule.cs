using System.Collections.Concurrent;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Controllers.DriftChecks;

/// <summary>
/// When a resource that is in sync gets a full drift check again. A full check makes every AWS read that can find a change
/// made behind the operator's back, and repairs it. Between full checks, a Ready resource whose spec and inputs are what
/// its last full check saw makes one read: of the AWS object that serves its traffic (trust store, listener, custom domain);
/// anything amiss there leads straight to a full check. A full check is due after <see cref="Interval"/>, on the first
/// reconcile after the operator starts (nothing is remembered across restarts), and whenever the resource's state moved.
/// </summary>
public sealed class DriftCheckSchedule
{
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<Request, (string State, DateTimeOffset At)> lastFullCheck = new();

    /// <param name="interval">Longest time between full checks of one resource; zero makes every reconcile a full check.</param>
    /// <param name="time">The clock.</param>
    public DriftCheckSchedule(TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        Interval = interval;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Longest time between full checks of one resource.</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// True when <paramref name="request"/> needs a full check: none passed in this process, the last one saw another
    /// <paramref name="state"/> (generation, bundle hash, versions: whatever the caller's full check established), or it is
    /// <see cref="Interval"/> old.
    /// </summary>
    public bool IsFullCheckDue(Request request, string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return !lastFullCheck.TryGetValue(request, out var last)
            || !string.Equals(last.State, state, StringComparison.Ordinal)
            || time.GetUtcNow() - last.At >= Interval;
    }

    /// <summary>Records a full check that found <paramref name="request"/> in sync (after any repair) in <paramref name="state"/>.</summary>
    public void FullCheckPassed(Request request, string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lastFullCheck[request] = (state, time.GetUtcNow());
    }

    /// <summary>Forgets a resource that is gone, or that left the in-sync state.</summary>
    public void Forget(Request request) => lastFullCheck.TryRemove(request, out _);
}

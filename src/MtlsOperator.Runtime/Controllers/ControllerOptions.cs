using MtlsOperator.Runtime.Queue;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Controllers;

/// <summary>How one controller runs.</summary>
public sealed record ControllerOptions
{
    /// <summary>Reconciles running at once; one key is never reconciled by two workers at the same time.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>A reconcile running longer is cancelled and retried with backoff.</summary>
    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Every cached object is reconciled again this often (jittered by up to 10%), changed or not.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromHours(10);

    /// <summary>Retry policy for failed reconciles; null uses <see cref="ControllerRateLimiter.Create{TItem}"/>.</summary>
    public Func<TimeProvider, IRateLimiter<Request>>? RateLimiter { get; init; }

    /// <summary>Annotations whose change triggers a reconcile even though the generation did not move.</summary>
    public IReadOnlyCollection<string> AnnotationsOfInterest { get; init; } = [];
}

using System.Collections.Concurrent;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Remembers since when each exposure's AWS calls have failed transiently, so a blip is retried quietly and only a
/// failure that persists flips Ready.
/// </summary>
public sealed class TransientFailureClock
{
    private readonly ConcurrentDictionary<Request, DateTimeOffset> since = new();
    private readonly TimeProvider time;

    public TransientFailureClock(TimeProvider time, TimeSpan patience)
    {
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        Patience = patience;
    }

    /// <summary>How long transient failures are retried before the user is told.</summary>
    public TimeSpan Patience { get; }

    /// <summary>Records a failure; true once failures have lasted longer than <see cref="Patience"/>.</summary>
    public bool Failed(Request request)
    {
        var now = time.GetUtcNow();
        var first = since.GetOrAdd(request, now);
        return now - first >= Patience;
    }

    /// <summary>Forgets the failures of <paramref name="request"/> after a reconcile got through.</summary>
    public void Succeeded(Request request) => since.TryRemove(request, out _);
}

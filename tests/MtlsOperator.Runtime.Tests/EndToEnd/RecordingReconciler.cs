using System.Collections.Concurrent;
using System.Diagnostics;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>Records every reconcile (what it saw, when) and runs a test-supplied body.</summary>
internal sealed class RecordingReconciler(Func<RecordingReconciler.Call, CancellationToken, Task<Result>>? body = null) : IReconciler<Widget>
{
    private int concurrent;

    public ConcurrentQueue<Call> Calls { get; } = new();

    public int MaxConcurrentPerKey { get; private set; }

    /// <summary>Set by the harness: the cache reconciles read from, like a real reconciler would.</summary>
    public ResourceInformer<Widget>? Cache { get; set; }

    public int CountFor(string name) => Calls.Count(c => c.Request.Name == name);

    public async Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
    {
        var widget = Cache?.Get(request);
        var call = new Call(request, widget?.Metadata.Generation, widget, Stopwatch.GetTimestamp());
        Calls.Enqueue(call);
        var now = Interlocked.Increment(ref concurrent);
        MaxConcurrentPerKey = Math.Max(MaxConcurrentPerKey, now);
        try
        {
            return body is null ? Result.Done : await body(call, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref concurrent);
        }
    }

    public sealed record Call(Request Request, long? Generation, Widget? Widget, long Timestamp);
}

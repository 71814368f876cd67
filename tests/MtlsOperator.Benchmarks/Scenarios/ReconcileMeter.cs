using System.Diagnostics.Metrics;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// Counts finished reconciles of every operator instance in the process (every controller) from the runtime's own meter;
/// started before an instance so its first reconciles are counted too.
/// </summary>
internal sealed class ReconcileMeter : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;
    private double seconds;
    private readonly Lock gate = new();

    public ReconcileMeter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Name is "controller_runtime_reconcile_total" or "controller_runtime_reconcile_time_seconds")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (gate)
            {
                seconds += value;
            }
        });
        listener.Start();
    }

    /// <summary>Reconciles finished since the meter started.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>Mean time a reconcile took, across every controller.</summary>
    public TimeSpan MeanDuration
    {
        get
        {
            lock (gate)
            {
                return Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds / Count);
            }
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="expected"/> reconciles finished and then none for <paramref name="quiet"/>:
    /// the work a resync queued is done.
    /// </summary>
    public async Task WaitForQuietAsync(long expected, TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long last = -1;
        while (true)
        {
            var now = Count;
            if (now >= expected && now == last)
            {
                return;
            }

            last = now;
            try
            {
                await Task.Delay(quiet, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Count} of at least {expected} reconciles after {timeout.TotalSeconds:F0} s");
            }
        }
    }

    public void Dispose() => listener.Dispose();
}

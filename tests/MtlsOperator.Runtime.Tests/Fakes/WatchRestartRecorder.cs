using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Runtime.Tests.Fakes;

/// <summary>Collects the <c>reason</c> of every watch restart the runtime reports through its metrics.</summary>
internal sealed class WatchRestartRecorder : IDisposable
{
    private readonly MeterListener listener;

    public WatchRestartRecorder(RuntimeMetrics metrics)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == metrics.Meter && instrument.Name == "informer_watch_restarts_total")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value is string reason)
                {
                    Reasons.Enqueue(reason);
                }
            }
        });
        listener.Start();
    }

    public ConcurrentQueue<string> Reasons { get; } = new();

    public void Dispose() => listener.Dispose();
}

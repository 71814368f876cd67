using System.Diagnostics.Metrics;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

/// <summary>Counts finished reconciles of one controller of one operator instance, from the runtime's own meter.</summary>
internal sealed class ReconcileCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;

    public ReconcileCounter(RuntimeMetrics metrics, string controller)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == "controller_runtime_reconcile_total")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "controller" && Equals(tag.Value, controller))
                {
                    Interlocked.Add(ref count, value);
                }
            }
        });
        listener.Start();
    }

    /// <summary>Reconciles finished since this counter started.</summary>
    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}

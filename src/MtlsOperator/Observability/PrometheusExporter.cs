using System.Diagnostics.Metrics;

namespace MtlsOperator.Observability;

/// <summary>
/// Listens to the instruments of the meters one <see cref="IMeterFactory"/> created (so two operators in one process,
/// as in tests, never mix their figures), aggregates them, and writes them with the scrape-time sources in Prometheus
/// text format.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<MetricFamily> families = [];
    private readonly IReadOnlyList<IScrapeSource> sources;

    /// <summary>Starts listening to the instruments in <paramref name="instruments"/> of meters created by <paramref name="meterFactory"/>.</summary>
    public PrometheusExporter(IMeterFactory meterFactory, IReadOnlyList<ExportedInstrument> instruments, IReadOnlyList<IScrapeSource> sources)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(instruments);
        this.sources = sources ?? throw new ArgumentNullException(nameof(sources));
        var byInstrument = instruments.ToDictionary(i => (i.MeterName, i.InstrumentName), i => new MetricFamily(i));
        families.AddRange(byInstrument.Values);
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && byInstrument.TryGetValue((instrument.Meter.Name, instrument.Name), out var family))
            {
                subscriber.EnableMeasurementEvents(instrument, family);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>Writes every family that has a series, then the scrape-time sources.</summary>
    public void WriteTo(TextWriter output)
    {
        var writer = new PrometheusTextWriter(output);
        foreach (var family in families)
        {
            family.WriteTo(writer);
        }

        foreach (var source in sources)
        {
            source.WriteTo(writer);
        }
    }

    /// <summary>The whole scrape as a string.</summary>
    public string Scrape()
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteTo(output);
        return output.ToString();
    }

    public void Dispose() => listener.Dispose();
}

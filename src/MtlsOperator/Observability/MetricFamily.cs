namespace MtlsOperator.Observability;

/// <summary>The aggregated series of one exported instrument: sums for counters and gauges, buckets for histograms.</summary>
internal sealed class MetricFamily(ExportedInstrument definition)
{
    private readonly Lock gate = new();
    private readonly Dictionary<LabelSet, Series> series = [];

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = LabelSet.From(tags, definition.Label);
        lock (gate)
        {
            if (!series.TryGetValue(labels, out var current))
            {
                current = new Series(definition.Buckets.Count);
                series.Add(labels, current);
            }

            current.Sum += value;
            current.Count++;
            if (definition.Type == MetricType.Histogram)
            {
                for (var i = 0; i < definition.Buckets.Count; i++)
                {
                    if (value <= definition.Buckets[i])
                    {
                        current.Buckets[i]++;
                    }
                }
            }
        }
    }

    public void WriteTo(PrometheusTextWriter writer)
    {
        KeyValuePair<LabelSet, Series>[] snapshot;
        lock (gate)
        {
            snapshot = [.. series.Select(s => KeyValuePair.Create(s.Key, s.Value.Copy()))];
        }

        if (snapshot.Length == 0)
        {
            return;
        }

        writer.WriteHeader(definition.Name, definition.Type, definition.Help);
        foreach (var (labels, values) in snapshot)
        {
            if (definition.Type != MetricType.Histogram)
            {
                writer.WriteSample(definition.Name, labels.Labels, values.Sum);
                continue;
            }

            for (var i = 0; i < definition.Buckets.Count; i++)
            {
                writer.WriteSample(definition.Name + "_bucket", labels.Labels, values.Buckets[i], new("le", PrometheusTextWriter.FormatValue(definition.Buckets[i])));
            }

            writer.WriteSample(definition.Name + "_bucket", labels.Labels, values.Count, new("le", "+Inf"));
            writer.WriteSample(definition.Name + "_sum", labels.Labels, values.Sum);
            writer.WriteSample(definition.Name + "_count", labels.Labels, values.Count);
        }
    }

    private sealed class Series(int buckets)
    {
        public double Sum { get; set; }

        public long Count { get; set; }

        public long[] Buckets { get; private init; } = new long[buckets];

        public Series Copy() => new(0) { Sum = Sum, Count = Count, Buckets = (long[])Buckets.Clone() };
    }
}

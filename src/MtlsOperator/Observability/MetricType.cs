namespace MtlsOperator.Observability;

/// <summary>The Prometheus metric types the exporter writes.</summary>
public enum MetricType
{
    /// <summary>A monotonically increasing total.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Cumulative buckets, a sum and a count.</summary>
    Histogram,
}

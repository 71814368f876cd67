using System.Globalization;

namespace MtlsOperator.Observability;

/// <summary>How one System.Diagnostics.Metrics instrument appears on <c>/metrics</c>: its Prometheus name, type, help and labels.</summary>
public sealed record ExportedInstrument(string MeterName, string InstrumentName, string Name, MetricType Type, string Help)
{
    /// <summary>Turns one measurement tag into a Prometheus label; the default keeps the tag's name and value.</summary>
    public Func<KeyValuePair<string, object?>, KeyValuePair<string, string>> Label { get; init; } = Verbatim;

    /// <summary>Upper bounds of a histogram's buckets (the <c>+Inf</c> bucket is implicit).</summary>
    public IReadOnlyList<double> Buckets { get; init; } = [];

    /// <summary>The tag unchanged, its value in invariant culture.</summary>
    public static KeyValuePair<string, string> Verbatim(KeyValuePair<string, object?> tag) =>
        new(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty);
}

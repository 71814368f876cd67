using System.Globalization;
using System.Text;

namespace MtlsOperator.Observability;

/// <summary>Writes the Prometheus text exposition format (version 0.0.4): HELP and TYPE lines, then samples.</summary>
public sealed class PrometheusTextWriter(TextWriter output)
{
    /// <summary>The Content-Type of a scrape reply.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Starts a metric family.</summary>
    public void WriteHeader(string name, MetricType type, string help)
    {
        output.Write("# HELP ");
        output.Write(name);
        output.Write(' ');
        output.Write(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
        output.Write("\n# TYPE ");
        output.Write(name);
        output.Write(' ');
        output.Write(type switch { MetricType.Counter => "counter", MetricType.Gauge => "gauge", _ => "histogram" });
        output.Write('\n');
    }

    /// <summary>Writes one sample; <paramref name="extra"/> adds a label after the others (a histogram's <c>le</c>).</summary>
    public void WriteSample(string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value, KeyValuePair<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        output.Write(name);
        if (labels.Count > 0 || extra is not null)
        {
            output.Write('{');
            var first = true;
            foreach (var label in extra is { } e ? labels.Append(e) : labels)
            {
                if (!first)
                {
                    output.Write(',');
                }

                first = false;
                output.Write(label.Key);
                output.Write("=\"");
                output.Write(EscapeLabelValue(label.Value));
                output.Write('"');
            }

            output.Write('}');
        }

        output.Write(' ');
        output.Write(FormatValue(value));
        output.Write('\n');
    }

    /// <summary>A sample value as Prometheus reads it: shortest round-trip form, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\"\n") < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch { '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", _ => c.ToString() });
        }

        return escaped.ToString();
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MtlsOperator.Aws.Diagnostics;

/// <summary>Instruments of the "MtlsOperator.Aws" meter: attempts by service/operation/outcome, their latency, and retries.</summary>
public sealed class AwsClientMetrics : IDisposable
{
    /// <summary>The meter name to subscribe to (Prometheus exporter, MeterListener).</summary>
    public const string MeterName = "MtlsOperator.Aws";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;

    public AwsClientMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("aws.client.requests", "{request}", "HTTP attempts sent to AWS, by service, operation and outcome (success or error kind).");
        _duration = _meter.CreateHistogram<double>("aws.client.request.duration", "s", "Latency of one HTTP attempt to AWS, including reading the reply.");
        _retries = _meter.CreateCounter<long>("aws.client.retries", "{retry}", "Attempts repeated after throttling, server or connection errors.");
    }

    /// <summary>Records one attempt.</summary>
    public void RecordAttempt(string service, string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "service", service }, { "operation", operation }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records that an attempt will be repeated.</summary>
    public void RecordRetry(string service, string operation) =>
        _retries.Add(1, new TagList { { "service", service }, { "operation", operation } });

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}

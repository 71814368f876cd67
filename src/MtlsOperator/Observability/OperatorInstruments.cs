using System.Globalization;
using MtlsOperator.Api;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Observability;

/// <summary>The runtime's and the AWS clients' instruments under the names dashboards and the chart's alerts use (<c>mtls_*</c>).</summary>
public static class OperatorInstruments
{
    /// <summary>Latency buckets in seconds: from a cached no-op reconcile to a slow AWS call.</summary>
    public static IReadOnlyList<double> LatencyBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Every exported instrument.</summary>
    public static IReadOnlyList<ExportedInstrument> All { get; } =
    [
        Runtime("controller_runtime_reconcile_total", "mtls_reconcile_total", MetricType.Counter, "Reconciles by kind and result (success, requeue_after, error, terminal, canceled)."),
        Runtime("controller_runtime_reconcile_time_seconds", "mtls_reconcile_duration_seconds", MetricType.Histogram, "Time spent in one reconcile, by kind.")
            with { Buckets = LatencyBuckets },
        Runtime("controller_runtime_active_workers", "mtls_reconcile_active_workers", MetricType.Gauge, "Workers running a reconcile now, by kind."),
        Runtime("workqueue_depth", "mtls_workqueue_depth", MetricType.Gauge, "Keys waiting in a controller's work queue, by kind (delayed keys not counted)."),
        Runtime("workqueue_adds_total", "mtls_workqueue_adds_total", MetricType.Counter, "Keys added to a controller's work queue, by kind."),
        Runtime("workqueue_retries_total", "mtls_workqueue_retries_total", MetricType.Counter, "Keys re-queued with backoff after a failed reconcile, by kind."),
        new(RuntimeMetrics.MeterName, "informer_watch_restarts_total", "mtls_informer_watch_restarts_total", MetricType.Counter, "Watches restarted, by resource and reason (closed, expired, error, watchdog)."),
        new(RuntimeMetrics.MeterName, "leader_election_master_status", "mtls_leader_election_master_status", MetricType.Gauge, "1 while this instance holds the leader election lease (label name: the lease)."),
        new(AwsClientMetrics.MeterName, "aws.client.requests", "mtls_aws_requests_total", MetricType.Counter, "HTTP attempts sent to AWS, by service, operation and outcome."),
        new(AwsClientMetrics.MeterName, "aws.client.request.duration", "mtls_aws_request_duration_seconds", MetricType.Histogram, "Latency of one HTTP attempt to AWS, by service, operation and outcome.")
            { Buckets = LatencyBuckets },
        new(AwsClientMetrics.MeterName, "aws.client.retries", "mtls_aws_retries_total", MetricType.Counter, "AWS attempts repeated after throttling, server or connection errors."),
    ];

    /// <summary>
    /// The kind a controller (or its work queue) reconciles: controllers are named after their kind in lower case unless
    /// given another name, which is then kept as it is.
    /// </summary>
    public static string KindOfController(string controller) =>
        MtlsApiGroup.Kinds.FirstOrDefault(k => string.Equals(k.Kind, controller, StringComparison.OrdinalIgnoreCase))?.Kind ?? controller;

    // Controller instruments: the controller (and work queue) name becomes the kind label.
    private static ExportedInstrument Runtime(string instrument, string name, MetricType type, string help) =>
        new(RuntimeMetrics.MeterName, instrument, name, type, help) { Label = ControllerAsKind };

    // The runtime tags by controller (and queue) name; users think in kinds, and the chart's alerts select on "kind".
    private static KeyValuePair<string, string> ControllerAsKind(KeyValuePair<string, object?> tag)
    {
        var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        return tag.Key is "controller" or "name"
            ? new("kind", KindOfController(value))
            : new(tag.Key, value);
    }
}

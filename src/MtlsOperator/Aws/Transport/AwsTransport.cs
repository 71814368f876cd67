using Microsoft.Extensions.Logging;
using MtlsOperator.Aws.Diagnostics;

namespace MtlsOperator.Aws.Transport;

/// <summary>What every service channel shares: the HTTP connection pool, clock, retry policy, metrics and logger.</summary>
/// <remarks><c>Jitter</c>: Returns a value in [0, 1) for backoff jitter; tests make it deterministic.</remarks>
/// <remarks><c>AttemptTimeout</c>: How long one HTTP attempt may take before it counts as a (retryable) timeout.</remarks>
public sealed record AwsTransport(
    HttpMessageInvoker Http,
    TimeProvider Time,
    AwsRetryPolicy Retry,
    AwsClientMetrics Metrics,
    ILogger Logger,
    Func<double> Jitter,
    TimeSpan AttemptTimeout);

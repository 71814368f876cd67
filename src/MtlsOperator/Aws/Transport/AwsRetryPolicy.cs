using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Aws.Transport;

/// <summary>
/// The SDKs' "standard" retry mode: a bounded number of attempts, full-jitter exponential backoff capped at
/// <see cref="MaxBackoff"/>, throttling/5xx/connection errors retried, Retry-After honored, and a retry quota so
/// a failing service is not hammered (see <see cref="RetryQuota"/>).
/// </summary>
public sealed record AwsRetryPolicy
{
    /// <summary>Attempts per call including the first; the SDK default is 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Base of the exponential backoff for non-throttling errors.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Base of the exponential backoff after throttling; larger because the service asked us to slow down.</summary>
    public TimeSpan ThrottlingBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of a single backoff.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound on a server's Retry-After we are willing to wait inside one call.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan Backoff(int attempt, AwsErrorKind kind, TimeSpan? retryAfter, double jitter)
    {
        var baseDelay = kind == AwsErrorKind.Throttled ? ThrottlingBaseDelay : BaseDelay;
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromMilliseconds(jitter * Math.Min(exponential, MaxBackoff.TotalMilliseconds));
        if (retryAfter is { } serverDelay)
        {
            var bounded = serverDelay < MaxRetryAfter ? serverDelay : MaxRetryAfter;
            delay = bounded > delay ? bounded : delay;
        }

        return delay;
    }
}

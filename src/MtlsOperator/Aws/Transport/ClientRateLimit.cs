using System.Threading.RateLimiting;
using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Aws.Transport;

/// <summary>Waits for the operator's own per-service rate limit before a call leaves the process.</summary>
public static class ClientRateLimit
{
    /// <summary>Waits for a permit; a full queue is reported as throttling so callers back off like for AWS's own.</summary>
    public static async Task WaitAsync(RateLimiter limiter, string service, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new AwsThrottledException(new AwsErrorDetails("ClientRateLimitExceeded", "The operator's own request rate limit queue is full.", null), service, operation, 0);
        }
    }
}

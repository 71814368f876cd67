using MtlsOperator.Api;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// How long to wait after failed issuances before the next attempt, as cert-manager does: 1h after the first failure,
/// doubling with each consecutive one, at most 32h. A spec change (new generation) retries at once.
/// </summary>
internal static class IssuanceBackoff
{
    /// <summary>The wait after the first failure.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromHours(1);

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(32);

    /// <summary>The wait after <paramref name="failedAttempts"/> consecutive failures (zero for none).</summary>
    public static TimeSpan Delay(int failedAttempts)
    {
        if (failedAttempts <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^5 hours is already the maximum; stop doubling before the shift could overflow.
        var hours = failedAttempts > 6 ? Maximum.TotalHours : Math.Min(Maximum.TotalHours, Initial.TotalHours * (1L << (failedAttempts - 1)));
        return TimeSpan.FromHours(hours);
    }

    /// <summary>When the next attempt may run, or null when it may run now.</summary>
    public static DateTimeOffset? NextAttempt(ClientCertificateStatus? status, long? generation, DateTimeOffset now)
    {
        if (status is not { FailedIssuanceAttempts: > 0 and var attempts, LastFailureTime: { } failedAt } || status.ObservedGeneration != generation)
        {
            return null;
        }

        var next = failedAt + Delay(attempts);
        return next > now ? next : null;
    }
}

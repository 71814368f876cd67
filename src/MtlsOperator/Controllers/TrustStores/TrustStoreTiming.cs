using MtlsOperator.Hosting;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>When the controller looks at a TrustStore again without being told something changed.</summary>
/// <param name="Poll">While AWS works (trust store CREATING): the operator's poll interval.</param>
/// <param name="Recheck">
/// Once Ready, or blocked on something fixed outside Kubernetes (bucket versioning, IAM, a listener still attached):
/// new CRLs and changes made in AWS behind the operator's back show up within this time.
/// </param>
/// <param name="FailureTolerance">How long AWS may throttle or fail before Ready turns False (AwsUnavailable); retries go on regardless.</param>
public sealed record TrustStoreTiming(TimeSpan Poll, TimeSpan Recheck, TimeSpan FailureTolerance)
{
    // Private CA publishes a new CRL minutes after a revocation; a dozen poll intervals (a minute by default) keeps a revoked
    // certificate out soon after, at a handful of read calls per TrustStore.
    private const int PollsPerRecheck = 12;

    // A blip (a throttled call, one 5xx) retried with backoff is not worth flipping a working trust store to not Ready.
    private const int RechecksOfTolerance = 5;

    /// <summary>The timing that follows from the operator's settings.</summary>
    public static TrustStoreTiming From(OperatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var recheck = settings.PollInterval * PollsPerRecheck;
        return new TrustStoreTiming(settings.PollInterval, recheck, recheck * RechecksOfTolerance);
    }
}

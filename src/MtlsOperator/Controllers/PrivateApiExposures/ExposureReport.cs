using MtlsOperator.Api;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// What one reconcile found and did: the Ready verdict with its reason and message, what AWS reports (when it was
/// observed), the events to record and when to look again.
/// </summary>
public sealed record ExposureReport(bool Ready, string Reason, string Message)
{
    /// <summary>True when the AWS side was read in this reconcile, so the status fields below replace the old ones.</summary>
    public bool Observed { get; init; }

    /// <summary>URL clients call.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Trust store the listener verifies against (loadBalancer).</summary>
    public string? TrustStoreArn { get; init; }

    /// <summary>The listener as AWS reports it (loadBalancer).</summary>
    public ListenerStatus? Listener { get; init; }

    /// <summary>The custom domain as AWS reports it (apiGateway).</summary>
    public DomainStatus? Domain { get; init; }

    /// <summary>Events to record, in order.</summary>
    public IReadOnlyList<ExposureEvent> Events { get; init; } = [];

    /// <summary>When to reconcile again even if nothing changes; null waits for a change (or the periodic resync).</summary>
    public TimeSpan? RequeueAfter { get; init; }

    /// <summary>A Ready=False verdict, for the user to act on, with a Warning event carrying the same message.</summary>
    public static ExposureReport Failed(string reason, string message, TimeSpan? requeueAfter = null) =>
        new(false, reason, message) { Events = [ExposureEvent.Warning(reason, message)], RequeueAfter = requeueAfter };
}

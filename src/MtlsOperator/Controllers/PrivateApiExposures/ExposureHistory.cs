using MtlsOperator.Api;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>What the exposure's status said before this reconcile: tells drift (AWS changed) from a new desired state.</summary>
/// <remarks>
/// Drift is judged from what the status recorded for the current generation, not from Ready: Ready may be False for
/// reasons unrelated to the setting (a domain still UPDATING), and a cache that lags one status write behind must not
/// turn a revert into an ordinary update.
/// </remarks>
public sealed record ExposureHistory(PrivateApiExposureStatus? Status, bool SameGeneration)
{
    /// <summary>The history of <paramref name="exposure"/>.</summary>
    public static ExposureHistory Of(V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        return new ExposureHistory(exposure.Status, exposure.Status?.ObservedGeneration is { } observed && observed == exposure.Metadata.Generation);
    }

    /// <summary>
    /// The event for an AWS write described by <paramref name="message"/>: DriftCorrected when the status already recorded
    /// AWS in the desired state for this generation (so someone changed AWS behind the operator's back), else a Normal
    /// <paramref name="reason"/>.
    /// </summary>
    public ExposureEvent EventFor(bool recordedAsDesired, string reason, string message) => SameGeneration && recordedAsDesired
        ? ExposureEvent.Warning(PrivateApiExposureReasons.DriftCorrected, $"{message} (it had been changed outside the operator)")
        : ExposureEvent.Normal(reason, message);
}

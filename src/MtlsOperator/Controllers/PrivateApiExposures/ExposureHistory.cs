using MtlsOperator.Api;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>What the exposure's status said before this reconcile: tells drift (AWS changed) from a new desired state.</summary>
public sealed record ExposureHistory(PrivateApiExposureStatus? Status, bool WasReady)
{
    /// <summary>The history of <paramref name="exposure"/>: Ready counts only when it was computed for the current generation.</summary>
    public static ExposureHistory Of(V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var ready = Conditions.Find(exposure.Status?.Conditions, ConditionTypes.Ready);
        return new ExposureHistory(exposure.Status, ready is { Status: "True" } && ready.ObservedGeneration == exposure.Metadata.Generation);
    }

    /// <summary>
    /// The event for an AWS write described by <paramref name="message"/>: DriftCorrected when the exposure was Ready with
    /// the same inputs (so someone changed AWS behind the operator's back), else a Normal <paramref name="reason"/>.
    /// </summary>
    public ExposureEvent EventFor(bool inputsUnchanged, string reason, string message) => WasReady && inputsUnchanged
        ? ExposureEvent.Warning(PrivateApiExposureReasons.DriftCorrected, $"{message} (it had been changed outside the operator)")
        : ExposureEvent.Normal(reason, message);
}

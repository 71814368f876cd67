using MtlsOperator.Runtime.Events;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>An event a reconcile wants recorded on the exposure once its outcome is written.</summary>
public sealed record ExposureEvent(EventKind Kind, string Reason, string Message)
{
    /// <summary>A Normal event: something the operator did as planned.</summary>
    public static ExposureEvent Normal(string reason, string message) => new(EventKind.Normal, reason, message);

    /// <summary>A Warning event: something the user should look at.</summary>
    public static ExposureEvent Warning(string reason, string message) => new(EventKind.Warning, reason, message);
}

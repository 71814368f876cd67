using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>Turns an AWS error that retrying will not fix into a verdict the user can act on.</summary>
public static class AwsFailureReport
{
    /// <summary>
    /// The verdict for <paramref name="error"/> while <paramref name="doing"/>; null for errors that are retried with backoff
    /// (throttling, 5xx) and for work AWS has not finished (handled by the caller).
    /// </summary>
    public static ExposureReport? For(AwsException error, string doing, ExposureIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(intervals);
        var aws = $"{error.Service} {error.Operation} answered {error.Code}: {error.AwsMessage}";
        return error.Kind switch
        {
            AwsErrorKind.Throttled or AwsErrorKind.Transient or AwsErrorKind.InProgress => null,
            AwsErrorKind.AccessDenied => ExposureReport.Failed(
                PrivateApiExposureReasons.AccessDenied,
                $"{doing}: {aws}. Allow {error.Service}:{error.Operation} to the operator's IAM role (or spec.roleArn)",
                intervals.UserAction),
            AwsErrorKind.QuotaExceeded => ExposureReport.Failed(
                PrivateApiExposureReasons.QuotaExceeded,
                $"{doing}: {aws}. Free up the quota or ask AWS for a higher one",
                intervals.UserAction),
            AwsErrorKind.Conflict => ExposureReport.Failed(PrivateApiExposureReasons.Conflict, $"{doing}: {aws}", intervals.UserAction),
            _ => ExposureReport.Failed(PrivateApiExposureReasons.AwsRejected, $"{doing}: {aws}. Check the spec fields it names", intervals.UserAction),
        };
    }
}

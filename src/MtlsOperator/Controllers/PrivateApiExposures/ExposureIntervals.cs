namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>How soon an exposure is looked at again: while AWS works (a domain being created), and while a person must act.</summary>
public sealed record ExposureIntervals(TimeSpan AwsPoll, TimeSpan UserAction)
{
    /// <summary>From the operator's poll interval; a person's fix (a listener created, a stage deployed) is checked 12 times less often.</summary>
    public static ExposureIntervals From(TimeSpan pollInterval) => new(pollInterval, pollInterval * 12);
}

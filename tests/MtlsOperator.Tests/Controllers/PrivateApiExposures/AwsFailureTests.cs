using System.Net;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Controllers.PrivateApiExposures;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

public sealed class AwsFailureTests
{
    private static readonly ExposureIntervals Intervals = ExposureIntervals.From(TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("AccessDenied", 403, PrivateApiExposureReasons.AccessDenied)]
    [InlineData("TooManyCertificates", 400, PrivateApiExposureReasons.QuotaExceeded)]
    [InlineData("InvalidConfigurationRequest", 400, PrivateApiExposureReasons.AwsRejected)]
    [InlineData("ConflictException", 409, PrivateApiExposureReasons.Conflict)]
    public void Errors_retrying_cannot_fix_become_a_verdict_naming_the_call(string code, int status, string reason)
    {
        var error = AwsErrorClassifier.ToException(new AwsErrorDetails(code, "no", "req-1"), "elasticloadbalancing", "ModifyListener", (HttpStatusCode)status);

        var report = AwsFailureReport.For(error, "configuring listener L", Intervals)!;

        Assert.False(report.Ready);
        Assert.Equal(reason, report.Reason);
        Assert.Contains("configuring listener L", report.Message, StringComparison.Ordinal);
        Assert.Contains("ModifyListener", report.Message, StringComparison.Ordinal);
        Assert.Equal(Intervals.UserAction, report.RequeueAfter);
        Assert.Contains(report.Events, e => e.Reason == reason);
    }

    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("InternalFailure", 500)]
    [InlineData("TrustStoreNotReady", 400)]
    public void Throttling_server_errors_and_unfinished_work_are_left_to_retries(string code, int status)
    {
        var error = AwsErrorClassifier.ToException(new AwsErrorDetails(code, null, null), "elasticloadbalancing", "ModifyListener", (HttpStatusCode)status);

        Assert.Null(AwsFailureReport.For(error, "configuring listener L", Intervals));
    }

    [Fact]
    public void Transient_failures_are_reported_only_once_they_outlast_the_patience()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var clock = new TransientFailureClock(time, TimeSpan.FromMinutes(5));
        var request = new Request("default", "partners-alb");

        Assert.False(clock.Failed(request));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(clock.Failed(request));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(clock.Failed(request));

        clock.Succeeded(request);
        Assert.False(clock.Failed(request));
    }
}

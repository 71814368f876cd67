using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class IssuanceBackoffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 32)]
    [InlineData(int.MaxValue, 32)]
    public void Doubles_from_one_hour_up_to_32_hours(int attempts, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), IssuanceBackoff.Delay(attempts));

    [Fact]
    public void Waits_after_a_failure_at_the_current_generation()
    {
        var failedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var status = new ClientCertificateStatus { FailedIssuanceAttempts = 2, LastFailureTime = failedAt, ObservedGeneration = 3 };

        Assert.Equal(failedAt.AddHours(2), IssuanceBackoff.NextAttempt(status, 3, failedAt.AddMinutes(30)));
        Assert.Null(IssuanceBackoff.NextAttempt(status, 3, failedAt.AddHours(2)));
    }

    [Fact]
    public void Retries_at_once_after_a_spec_change()
    {
        var failedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var status = new ClientCertificateStatus { FailedIssuanceAttempts = 1, LastFailureTime = failedAt, ObservedGeneration = 3 };

        Assert.Null(IssuanceBackoff.NextAttempt(status, 4, failedAt.AddMinutes(1)));
    }
}

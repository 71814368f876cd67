using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Pki;

public class RenewalScheduleTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = NotBefore.AddHours(2160);

    [Fact]
    public void Renews_two_thirds_through_the_lifetime_by_default()
    {
        Assert.Equal(NotBefore.AddHours(1440), RenewalSchedule.RenewalTime(NotBefore, NotAfter));
    }

    [Fact]
    public void Renews_renewBefore_ahead_of_expiry_when_shorter_than_the_lifetime()
    {
        Assert.Equal(NotAfter.AddHours(-360), RenewalSchedule.RenewalTime(NotBefore, NotAfter, TimeSpan.FromHours(360)));
    }

    [Theory]
    [InlineData(2160)]
    [InlineData(5000)]
    public void Falls_back_to_one_third_when_renewBefore_is_not_shorter_than_the_lifetime(int renewBeforeHours)
    {
        // cert-manager ignores such a renewBefore (e.g. when the issuer shortened the certificate) rather than renewing at once.
        Assert.Equal(NotBefore.AddHours(1440), RenewalSchedule.RenewalTime(NotBefore, NotAfter, TimeSpan.FromHours(renewBeforeHours)));
    }

    [Fact]
    public void Uses_the_actual_lifetime_not_the_requested_duration()
    {
        // A CA clamped a 90-day request to 30 days: one third of 30 days, not of 90.
        var clamped = NotBefore.AddDays(30);

        Assert.Equal(NotBefore.AddDays(20), RenewalSchedule.RenewalTime(NotBefore, clamped, TimeSpan.FromDays(45)));
    }

    [Theory]
    [InlineData(25, 1620)]
    [InlineData(50, 1080)]
    [InlineData(99, 21.6)]
    public void Renews_the_given_percentage_of_the_lifetime_before_expiry(int percentage, double renewalHoursAfterStart)
    {
        Assert.Equal(NotBefore.AddHours(renewalHoursAfterStart), RenewalSchedule.RenewalTime(NotBefore, NotAfter, null, percentage));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-5)]
    public void Ignores_a_percentage_outside_1_to_99(int percentage)
    {
        Assert.Equal(NotBefore.AddHours(1440), RenewalSchedule.RenewalTime(NotBefore, NotAfter, null, percentage));
    }

    [Fact]
    public void RenewBefore_wins_over_a_percentage_when_both_are_given()
    {
        Assert.Equal(NotAfter.AddHours(-10), RenewalSchedule.RenewalTime(NotBefore, NotAfter, TimeSpan.FromHours(10), 50));
    }

    [Fact]
    public void Truncates_the_renewal_time_to_whole_seconds()
    {
        // One third of 100 s is 33.333… s, so the exact instant is 66.666… s after notBefore.
        var end = NotBefore.AddSeconds(100);

        Assert.Equal(NotBefore.AddSeconds(66), RenewalSchedule.RenewalTime(NotBefore, end));
    }

    [Fact]
    public void Accepts_cert_manager_defaults()
    {
        Assert.Empty(RenewalSchedule.Check(null, null, null));
        Assert.Empty(RenewalSchedule.Check(TimeSpan.FromHours(2160), TimeSpan.FromHours(360), null));
        Assert.Empty(RenewalSchedule.Check(TimeSpan.FromHours(24), null, 50));
    }

    [Theory]
    [InlineData(0.5, null, null, "spec.duration", PkiProblemCode.InvalidDuration)]
    [InlineData(24.0, 24.0, null, "spec.renewBefore", PkiProblemCode.InvalidRenewBefore)]
    [InlineData(24.0, 0.05, null, "spec.renewBefore", PkiProblemCode.InvalidRenewBefore)]
    [InlineData(24.0, null, 100, "spec.renewBeforePercentage", PkiProblemCode.InvalidRenewBeforePercentage)]
    [InlineData(1.0, null, 1, "spec.renewBeforePercentage", PkiProblemCode.InvalidRenewBeforePercentage)]
    public void Rejects_what_cert_manager_rejects(double durationHours, double? renewBeforeHours, int? percentage, string field, PkiProblemCode code)
    {
        var problems = RenewalSchedule.Check(TimeSpan.FromHours(durationHours), renewBeforeHours is { } h ? TimeSpan.FromHours(h) : null, percentage);

        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Rejects_renewBefore_together_with_a_percentage()
    {
        var problem = Assert.Single(RenewalSchedule.Check(null, TimeSpan.FromHours(10), 10));

        Assert.Contains("mutually exclusive", problem.Message, StringComparison.Ordinal);
    }
}

using MtlsOperator.Controllers.DriftChecks;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.DriftChecks;

public sealed class DriftCheckScheduleTests
{
    private static readonly Request Payments = new("payments", "partners");

    [Fact]
    public void A_full_check_is_due_first_then_not_until_the_interval_has_passed()
    {
        var clock = new ShiftedClock();
        var schedule = new DriftCheckSchedule(TimeSpan.FromHours(1), clock);

        Assert.True(schedule.IsFullCheckDue(Payments, "1|v1"));
        schedule.FullCheckPassed(Payments, "1|v1");
        Assert.False(schedule.IsFullCheckDue(Payments, "1|v1"));

        clock.Shift(TimeSpan.FromMinutes(59));
        Assert.False(schedule.IsFullCheckDue(Payments, "1|v1"));
        clock.Shift(TimeSpan.FromMinutes(1));
        Assert.True(schedule.IsFullCheckDue(Payments, "1|v1"));
    }

    [Fact]
    public void A_changed_state_or_a_forgotten_resource_needs_a_full_check_at_once()
    {
        var schedule = new DriftCheckSchedule(TimeSpan.FromHours(1), TimeProvider.System);
        schedule.FullCheckPassed(Payments, "1|v1");

        Assert.True(schedule.IsFullCheckDue(Payments, "2|v1"));
        Assert.True(schedule.IsFullCheckDue(Payments, "1|v2"));
        Assert.True(schedule.IsFullCheckDue(new Request("orders", "partners"), "1|v1"));

        schedule.Forget(Payments);
        Assert.True(schedule.IsFullCheckDue(Payments, "1|v1"));
    }

    [Fact]
    public void A_zero_interval_makes_every_reconcile_a_full_check()
    {
        var schedule = new DriftCheckSchedule(TimeSpan.Zero, TimeProvider.System);
        schedule.FullCheckPassed(Payments, "1|v1");

        Assert.True(schedule.IsFullCheckDue(Payments, "1|v1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftCheckSchedule(TimeSpan.FromSeconds(-1), TimeProvider.System));
    }
}

using k8s.Models;
using MtlsOperator.Runtime.Status;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.Status;

public sealed class ConditionsTests
{
    private readonly ManualTimeProvider time = new();
    private readonly List<V1Condition> conditions = [];

    [Fact]
    public void A_new_condition_is_stamped_with_now_and_the_generation()
    {
        Assert.True(Conditions.Set(conditions, "Ready", true, "Issued", "certificate issued", 3, time));

        var ready = Assert.Single(conditions);
        Assert.Equal(("Ready", "True", "Issued", 3L), (ready.Type, ready.Status, ready.Reason, ready.ObservedGeneration!.Value));
        Assert.Equal(time.GetUtcNow().UtcDateTime, ready.LastTransitionTime);
        Assert.True(Conditions.IsTrue(conditions, "Ready"));
    }

    [Fact]
    public void Setting_the_same_condition_again_changes_nothing()
    {
        Conditions.Set(conditions, "Ready", true, "Issued", "certificate issued", 3, time);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(Conditions.Set(conditions, "Ready", true, "Issued", "certificate issued", 3, time));
        Assert.Equal(time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5), conditions[0].LastTransitionTime);
    }

    [Fact]
    public void A_new_reason_or_generation_keeps_the_transition_time_while_the_status_holds()
    {
        Conditions.Set(conditions, "Ready", false, "Pending", "waiting for the CA", 1, time);
        var firstTransition = conditions[0].LastTransitionTime;
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(Conditions.Set(conditions, "Ready", false, "CaMissing", "secret dev-ca not found", 2, time));

        Assert.Equal(firstTransition, conditions[0].LastTransitionTime);
        Assert.Equal(("CaMissing", 2L), (conditions[0].Reason, conditions[0].ObservedGeneration!.Value));
    }

    [Fact]
    public void The_transition_time_moves_when_the_status_flips()
    {
        Conditions.Set(conditions, "Ready", false, "Pending", "waiting", 1, time);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(Conditions.Set(conditions, "Ready", true, "Issued", "done", 1, time));

        Assert.Equal(time.GetUtcNow().UtcDateTime, conditions[0].LastTransitionTime);
        Assert.Single(conditions);
    }

    [Fact]
    public void Transition_times_are_whole_seconds_so_they_compare_equal_after_a_round_trip()
    {
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Conditions.Set(conditions, "Ready", true, "Issued", "done", 1, time);

        Assert.Equal(0, conditions[0].LastTransitionTime.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Remove_drops_only_the_named_type()
    {
        Conditions.Set(conditions, "Ready", true, "Issued", "done", 1, time);
        Conditions.Set(conditions, "Issuing", false, "Idle", "", 1, time);

        Assert.True(Conditions.Remove(conditions, "Issuing"));
        Assert.False(Conditions.Remove(conditions, "Issuing"));
        Assert.Equal("Ready", Assert.Single(conditions).Type);
    }

    [Fact]
    public void IsTrueAt_needs_status_True_set_for_the_given_generation()
    {
        Conditions.Set(conditions, "Ready", true, "Issued", "done", 2, time);
        Conditions.Set(conditions, "Degraded", false, "Fine", "", 2, time);
        var ready = Conditions.Find(conditions, "Ready");

        Assert.True(Conditions.IsTrueAt(ready, 2));
        Assert.False(Conditions.IsTrueAt(ready, 3));
        Assert.False(Conditions.IsTrueAt(Conditions.Find(conditions, "Degraded"), 2));
        Assert.False(Conditions.IsTrueAt(null, 2));
    }
}

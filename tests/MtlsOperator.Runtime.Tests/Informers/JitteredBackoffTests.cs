using MtlsOperator.Runtime.Informers;

namespace MtlsOperator.Runtime.Tests.Informers;

public sealed class JitteredBackoffTests
{
    [Fact]
    public void Delays_grow_from_the_initial_value_stay_under_the_cap_and_are_never_zero()
    {
        var backoff = new JitteredBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToArray();

        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(delays[3], TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600));
        Assert.All(delays[6..], d => Assert.InRange(d, TimeSpan.FromMilliseconds(2500), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Reset_starts_over_from_the_initial_delay()
    {
        var backoff = new JitteredBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        for (var i = 0; i < 8; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.Next(), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
    }
}

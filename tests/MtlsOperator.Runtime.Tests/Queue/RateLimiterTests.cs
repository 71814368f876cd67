using MtlsOperator.Runtime.Queue;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void Per_item_backoff_doubles_from_the_base_up_to_the_cap_and_counts_per_item()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100));

        var delays = Enumerable.Range(0, 7).Select(_ => limiter.NextDelay("a").TotalMilliseconds).ToArray();

        Assert.Equal([5, 10, 20, 40, 80, 100, 100], delays);
        Assert.Equal(5, limiter.NextDelay("b").TotalMilliseconds);
        Assert.Equal(7, limiter.NumRequeues("a"));
    }

    [Fact]
    public void Per_item_backoff_stays_at_the_cap_after_very_many_failures()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        for (var i = 0; i < 200; i++)
        {
            limiter.NextDelay("a");
        }

        Assert.Equal(TimeSpan.FromSeconds(1000), limiter.NextDelay("a"));
    }

    [Fact]
    public void Token_bucket_lets_a_burst_through_then_spaces_requests_at_its_rate()
    {
        var time = new ManualTimeProvider();
        var bucket = new BucketRateLimiter<string>(qps: 10, burst: 3, time);

        var burst = Enumerable.Range(0, 3).Select(i => bucket.NextDelay($"k{i}")).ToArray();
        var fourth = bucket.NextDelay("k3");
        var fifth = bucket.NextDelay("k4");

        Assert.All(burst, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(100, fourth.TotalMilliseconds, precision: 3);
        Assert.Equal(200, fifth.TotalMilliseconds, precision: 3);

        // A quiet second refills the bucket (to its burst size, no further).
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, bucket.NextDelay("k5"));
    }

    [Fact]
    public void Combined_limiter_takes_the_longer_of_backoff_and_bucket()
    {
        var time = new ManualTimeProvider();
        var limiter = new MaxOfRateLimiter<string>(
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)),
            new BucketRateLimiter<string>(qps: 1, burst: 1, time));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.NextDelay("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.NextDelay("b"));

        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(1, limiter.NumRequeues("b"));
    }
}

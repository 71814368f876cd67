namespace MtlsOperator.Runtime.Queue;

/// <summary>controller-runtime's default retry policy for a controller's queue.</summary>
public static class ControllerRateLimiter
{
    /// <summary>5 ms doubling to 1000 s per item, combined with 10 qps and a burst of 100 across all items.</summary>
    public static IRateLimiter<TItem> Create<TItem>(TimeProvider time)
        where TItem : notnull => new MaxOfRateLimiter<TItem>(
            new ItemExponentialFailureRateLimiter<TItem>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<TItem>(10, 100, time));
}

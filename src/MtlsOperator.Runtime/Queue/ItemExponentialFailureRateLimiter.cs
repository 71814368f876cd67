namespace MtlsOperator.Runtime.Queue;

/// <summary>Per-item exponential backoff: <c>baseDelay * 2^failures</c>, capped at <c>maxDelay</c>.</summary>
public sealed class ItemExponentialFailureRateLimiter<TItem> : IRateLimiter<TItem>
    where TItem : notnull
{
    private readonly Dictionary<TItem, int> failures = [];
    private readonly Lock gate = new();
    private readonly TimeSpan baseDelay;
    private readonly TimeSpan maxDelay;

    public ItemExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    public TimeSpan NextDelay(TItem item)
    {
        int exponent;
        lock (gate)
        {
            failures.TryGetValue(item, out exponent);
            failures[item] = exponent + 1;
        }

        // Past 2^62 the multiplication overflows; the cap is long reached by then anyway.
        var ticks = exponent >= 62 ? double.MaxValue : baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TItem item)
    {
        lock (gate)
        {
            failures.Remove(item);
        }
    }

    public int NumRequeues(TItem item)
    {
        lock (gate)
        {
            return failures.GetValueOrDefault(item);
        }
    }
}

namespace MtlsOperator.Runtime.Queue;

/// <summary>Combines limiters by taking the longest delay (per-item backoff and the global bucket).</summary>
public sealed class MaxOfRateLimiter<TItem> : IRateLimiter<TItem>
    where TItem : notnull
{
    private readonly IRateLimiter<TItem>[] limiters;

    public MaxOfRateLimiter(params IRateLimiter<TItem>[] limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Length);
        this.limiters = limiters;
    }

    public TimeSpan NextDelay(TItem item)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in limiters)
        {
            var delay = limiter.NextDelay(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(TItem item)
    {
        foreach (var limiter in limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(TItem item) => limiters.Max(l => l.NumRequeues(item));
}

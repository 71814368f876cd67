namespace MtlsOperator.Runtime.Queue;

/// <summary>Decides how long an item waits before it is retried (client-go's workqueue.RateLimiter).</summary>
public interface IRateLimiter<in TItem>
{
    /// <summary>The delay before <paramref name="item"/> may run again; counts one more failure.</summary>
    TimeSpan NextDelay(TItem item);

    /// <summary>Forgets the item's failures (it succeeded).</summary>
    void Forget(TItem item);

    /// <summary>How many failures of the item are being counted.</summary>
    int NumRequeues(TItem item);
}

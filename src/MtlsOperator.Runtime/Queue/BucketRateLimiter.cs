namespace MtlsOperator.Runtime.Queue;

/// <summary>
/// A global token bucket (<c>qps</c> refill, <c>burst</c> capacity) shared by all items: each retry reserves a token
/// and waits until it is available, so a storm of failures cannot hammer the API server.
/// </summary>
public sealed class BucketRateLimiter<TItem> : IRateLimiter<TItem>
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly double qps;
    private readonly double burst;
    private double tokens;
    private long lastTimestamp;

    public BucketRateLimiter(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qps, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.qps = qps;
        this.burst = burst;
        tokens = burst;
        lastTimestamp = time.GetTimestamp();
    }

    public TimeSpan NextDelay(TItem item)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(lastTimestamp, now).TotalSeconds * qps));
            lastTimestamp = now;

            // Reserve the token even when it is not there yet: the bucket goes negative and later callers wait longer.
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / qps);
        }
    }

    public void Forget(TItem item)
    {
    }

    public int NumRequeues(TItem item) => 0;
}

namespace MtlsOperator.Aws.Transport;

/// <summary>
/// The standard retry mode's token bucket: a retry costs tokens (more after a timeout), a success returns what its
/// retries took (or one token), and when the bucket is empty calls fail fast instead of retrying.
/// </summary>
public sealed class RetryQuota
{
    /// <summary>Bucket size the SDKs use.</summary>
    public const int DefaultCapacity = 500;

    private const int RetryCost = 5;
    private const int TimeoutRetryCost = 10;
    private readonly int _capacity;
    private int _available;

    public RetryQuota(int capacity = DefaultCapacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    /// <summary>Tokens left.</summary>
    public int Available => Volatile.Read(ref _available);

    /// <summary>Takes the cost of one retry; returns the tokens taken, or 0 when the quota is exhausted.</summary>
    public int TryAcquire(bool afterTimeout)
    {
        var cost = afterTimeout ? TimeoutRetryCost : RetryCost;
        while (true)
        {
            var current = Volatile.Read(ref _available);
            if (current < cost)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _available, current - cost, current) == current)
            {
                return cost;
            }
        }
    }

    /// <summary>Records a successful call that used <paramref name="spent"/> retry tokens.</summary>
    public void Release(int spent)
    {
        var refund = spent > 0 ? spent : 1;
        while (true)
        {
            var current = Volatile.Read(ref _available);
            var next = Math.Min(_capacity, current + refund);
            if (Interlocked.CompareExchange(ref _available, next, current) == current)
            {
                return;
            }
        }
    }
}

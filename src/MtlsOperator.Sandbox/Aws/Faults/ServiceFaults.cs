namespace MtlsOperator.Sandbox.Aws.Faults;

/// <summary>Fault switches of one service (or of every service, for <c>"*"</c>).</summary>
public sealed class ServiceFaults
{
    private readonly Lock gate = new();
    private readonly Queue<int> failures = new();
    private double throttleFraction;
    private TimeSpan latency;

    /// <summary>Share of calls (0 to 1) refused with the protocol's throttling error.</summary>
    public double ThrottleFraction
    {
        get => Volatile.Read(ref throttleFraction);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0.0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1.0);
            Volatile.Write(ref throttleFraction, value);
        }
    }

    /// <summary>Delay added before every call is answered.</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate) { latency = value; }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> calls fail with <paramref name="statusCode"/> (5xx).</summary>
    public void FailNext(int count, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue(statusCode);
            }
        }
    }

    /// <summary>Turns every switch off.</summary>
    public void Clear()
    {
        lock (gate)
        {
            failures.Clear();
            latency = TimeSpan.Zero;
        }

        ThrottleFraction = 0;
    }

    /// <summary>Takes one pending failure, if any.</summary>
    internal bool TryTakeFailure(out int statusCode)
    {
        lock (gate)
        {
            return failures.TryDequeue(out statusCode);
        }
    }

    /// <summary>Decides whether this call is throttled.</summary>
    internal bool ShouldThrottle()
    {
        var fraction = ThrottleFraction;
        return fraction > 0 && (fraction >= 1 || Random.Shared.NextDouble() < fraction);
    }
}

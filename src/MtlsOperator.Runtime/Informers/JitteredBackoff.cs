namespace MtlsOperator.Runtime.Informers;

/// <summary>Exponential backoff with full jitter between <c>initial</c> and a cap; <see cref="Reset"/> after a success.</summary>
public sealed class JitteredBackoff
{
    private readonly TimeSpan initial;
    private readonly TimeSpan max;
    private int failures;

    public JitteredBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        this.initial = initial;
        this.max = max;
    }

    /// <summary>Failures counted since the last <see cref="Reset"/>.</summary>
    public int Failures => failures;

    /// <summary>The next delay: a random point in [ceiling/2, ceiling], ceiling = initial x 2^failures capped.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(failures, 30);
        failures++;
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));

        // Half fixed, half random: never zero (no hot loop), and reconnecting clients spread out.
        return TimeSpan.FromTicks((long)((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2)));
    }

    /// <summary>Starts over from the initial delay.</summary>
    public void Reset() => failures = 0;
}

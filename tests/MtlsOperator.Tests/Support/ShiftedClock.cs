namespace MtlsOperator.Tests.Support;

/// <summary>
/// The real clock plus an offset a test moves forward, so controllers (or AWS) see a future time arrive without waiting
/// for it; timers run on real time, so nothing is skipped.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Shift(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

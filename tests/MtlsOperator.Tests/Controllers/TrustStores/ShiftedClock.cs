namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>The real clock plus an offset a test moves forward; timers run on real time, so nothing is skipped.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Shift(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

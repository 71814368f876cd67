namespace MtlsOperator.Tests.Controllers.ClientCertificates;

/// <summary>The real clock plus an offset a test moves forward, so the controllers see renewal time arrive without waiting for it.</summary>
internal sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

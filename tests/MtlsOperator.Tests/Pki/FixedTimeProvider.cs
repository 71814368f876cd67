namespace MtlsOperator.Tests.Pki;

/// <summary>A clock that always reads the instant it was given.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

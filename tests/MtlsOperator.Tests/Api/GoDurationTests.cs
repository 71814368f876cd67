using MtlsOperator.Api;

namespace MtlsOperator.Tests.Api;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("2160h", 2160 * 3600.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("90s", 90.0)]
    [InlineData("250ms", 0.25)]
    [InlineData("1m0.5s", 60.5)]
    [InlineData("10us", 0.00001)]
    [InlineData("10µs", 0.00001)]
    [InlineData("0s", 0.0)]
    public void Parses_go_durations(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds, precision: 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90d")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("1 h")]
    [InlineData("1H")]
    [InlineData("99999999999999999999h")]
    public void Rejects_what_is_not_a_go_duration(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => GoDuration.Parse(text));
    }
}

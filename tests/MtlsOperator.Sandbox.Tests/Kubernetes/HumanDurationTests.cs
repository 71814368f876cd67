using MtlsOperator.Sandbox.Kubernetes.Tables;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-0.5, "0s")]
    [InlineData(-5, "<invalid>")]
    [InlineData(42, "42s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 5 * 60, "3h5m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(40 * 86400, "40d")]
    [InlineData(3 * 365 * 86400 + 86400, "3y1d")]
    public void Age_prints_like_kubectl(double seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
}

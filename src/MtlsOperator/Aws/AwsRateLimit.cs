namespace MtlsOperator.Aws;

/// <summary>A client-side token bucket per service, region and identity, so many resources never stampede an account's API limits.</summary>
public sealed record AwsRateLimit(double RequestsPerSecond, int Burst)
{
    /// <summary>Well below the published per-account limits of ELBv2, API Gateway and ACM PCA control-plane APIs.</summary>
    public static AwsRateLimit Default { get; } = new(10, 20);
}

using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws;

/// <summary>Operator-wide AWS settings; every member has a production default.</summary>
public sealed record AwsClientOptions
{
    /// <summary>Region for resources that name none; null falls back to the SDK's resolution (AWS_REGION, profile, IMDS).</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>Endpoint overrides from settings, keyed by the <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> suffix (e.g. <c>ACM_PCA</c>).</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>Reads environment variables (endpoint overrides); tests substitute a dictionary.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The operator's own credentials; null uses the SDK default chain (IRSA, Pod Identity, ...).</summary>
    public IAwsCredentialSource? Credentials { get; init; }

    /// <summary>Retry behavior shared by every service.</summary>
    public AwsRetryPolicy Retry { get; init; } = new();

    /// <summary>Client-side rate limit applied to every service unless <see cref="ServiceRateLimits"/> names it.</summary>
    public AwsRateLimit RateLimit { get; init; } = AwsRateLimit.Default;

    /// <summary>Per-service rate limits keyed by signing name (e.g. <c>acm-pca</c>).</summary>
    public IReadOnlyDictionary<string, AwsRateLimit> ServiceRateLimits { get; init; } = new Dictionary<string, AwsRateLimit>(StringComparer.Ordinal);

    /// <summary>Lifetime requested for assumed-role sessions.</summary>
    public TimeSpan AssumeRoleDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The HTTP handler; null creates a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The clock for signing, caching and backoff.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Page size of paginated list calls; null uses the largest page each service allows.</summary>
    public int? PageSize { get; init; }

    /// <summary>Backoff jitter in [0, 1); null uses <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }
}

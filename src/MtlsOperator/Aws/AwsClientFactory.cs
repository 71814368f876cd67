using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.Endpoints;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Aws.Protocols;
using MtlsOperator.Aws.S3;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws;

/// <summary>
/// Builds and caches <see cref="AwsClients"/> per region and role over one connection pool, with one rate limiter
/// and retry quota per service, region and identity, and one cached AssumeRole session per role and resource.
/// </summary>
public sealed class AwsClientFactory : IAwsClientFactory, IDisposable
{
    private readonly AwsClientOptions _options;
    private readonly AwsEndpointResolver _endpoints;
    private readonly IAwsCredentialSource _operatorCredentials;
    private readonly AwsTransport _transport;
    private readonly ConcurrentDictionary<AwsTarget, Lazy<AwsClients>> _clients = new();
    private readonly ConcurrentDictionary<(string Service, string Region, string? RoleArn), RateLimiter> _rateLimiters = new();
    private readonly ConcurrentDictionary<(string Service, string Region, string? RoleArn), RetryQuota> _retryQuotas = new();
    private readonly ConcurrentBag<IDisposable> _owned = [];

    public AwsClientFactory(AwsClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _endpoints = new AwsEndpointResolver(options.Environment, options.Endpoints);
        _operatorCredentials = options.Credentials ?? new SdkDefaultCredentialSource();
        var handler = options.HttpHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var http = new HttpMessageInvoker(handler, disposeHandler: options.HttpHandler is null);
        var metrics = new AwsClientMetrics(meterFactory);
        _owned.Add(http);
        _owned.Add(metrics);
        _transport = new AwsTransport(
            http,
            options.Time,
            options.Retry,
            metrics,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MtlsOperator.Aws"),
            options.Jitter ?? Random.Shared.NextDouble,
            options.AttemptTimeout);
    }

    /// <inheritdoc />
    public AwsClients ClientsFor(AwsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var region = ResolveRegion(target.Region);

        // Without a role the resource name does not change the identity, so all such resources share one set.
        var key = target.RoleArn is null ? new AwsTarget(region) : target with { Region = region, Resource = RoleSessionName.For(target.Resource) };
        return _clients.GetOrAdd(key, k => new Lazy<AwsClients>(() => Create(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The region a target resolves to: its own, the operator default, or the SDK's (AWS_REGION, profile, IMDS).</summary>
    public string ResolveRegion(string? region)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region;
        }

        if (!string.IsNullOrWhiteSpace(_options.DefaultRegion))
        {
            return _options.DefaultRegion;
        }

        return FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? throw new InvalidOperationException("No AWS region configured: set the resource's spec.region, the operator's default region, or AWS_REGION.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        foreach (var limiter in _rateLimiters.Values)
        {
            limiter.Dispose();
        }
    }

    private AwsClients Create(AwsTarget target)
    {
        var region = target.Region!;
        var credentials = target.RoleArn is null ? _operatorCredentials : AssumeRole(target, region);
        AwsServiceChannel Channel(AwsService service) => new(
            service, region, _endpoints.Resolve(service, region), credentials, RateLimiterFor(service, region, target.RoleArn), RetryQuotaFor(service, region, target.RoleArn), _transport);

        var elb = new ElbV2Client(Channel(AwsService.ElasticLoadBalancingV2), _options.PageSize);
        var apiGateway = new ApiGatewayClient(Channel(AwsService.ApiGateway), _options.PageSize);
        var s3Config = S3BundleStore.Configure(region, _endpoints.Resolve(AwsService.S3, region), _options.Retry.MaxAttempts);
        var bundles = new S3BundleStore(new AmazonS3Client(new SdkCredentialsBridge(credentials), s3Config), RateLimiterFor(AwsService.S3, region, target.RoleArn), _transport.Metrics, _options.Time);
        _owned.Add(bundles);
        return new AwsClients(region, elb, elb, apiGateway, apiGateway, new PrivateCaClient(Channel(AwsService.AcmPca)), bundles);
    }

    private AssumeRoleCredentialSource AssumeRole(AwsTarget target, string region)
    {
        // STS is called regionally with the operator's own identity, as the SDKs do by default.
        var sts = new AwsServiceChannel(
            AwsService.Sts, region, _endpoints.Resolve(AwsService.Sts, region), _operatorCredentials, RateLimiterFor(AwsService.Sts, region, null), RetryQuotaFor(AwsService.Sts, region, null), _transport);
        var settings = new AssumeRoleSettings(target.RoleArn!, target.Resource ?? RoleSessionName.For(null), target.ExternalId, _options.AssumeRoleDuration);
        var source = new AssumeRoleCredentialSource(new AwsQueryClient(sts, AssumeRoleCredentialSource.StsApiVersion), settings, _options.Time);
        _owned.Add(source);
        return source;
    }

    private RateLimiter RateLimiterFor(AwsService service, string region, string? roleArn) =>
        _rateLimiters.GetOrAdd((service.SigningName, region, roleArn), _ =>
        {
            var limit = _options.ServiceRateLimits.TryGetValue(service.SigningName, out var specific) ? specific : _options.RateLimit;
            var perTick = Math.Max(1, (int)Math.Round(limit.RequestsPerSecond / 10));
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, limit.Burst),
                TokensPerPeriod = perTick,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / Math.Max(0.001, limit.RequestsPerSecond)),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });

    private RetryQuota RetryQuotaFor(AwsService service, string region, string? roleArn) =>
        _retryQuotas.GetOrAdd((service.SigningName, region, roleArn), _ => new RetryQuota());
}

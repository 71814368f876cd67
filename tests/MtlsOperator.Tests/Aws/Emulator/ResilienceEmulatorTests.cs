using System.Net;
using System.Net.Sockets;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;
using MtlsOperator.Sandbox.Aws.Signing;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws.Emulator;

// Retries, credentials and endpoints, with the calls counted where they arrive: at the emulator.
public sealed class ResilienceEmulatorTests : IAsyncLifetime
{
    private EmulatedAccount _account = null!;

    public async Task InitializeAsync() => _account = await EmulatedAccount.StartAsync();

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeLoadBalancers")]
    [InlineData("apigateway", "GetRestApi")]
    [InlineData("acm-pca", "DescribeCertificateAuthority")]
    [InlineData("s3", "GetBucketVersioning")]
    public async Task Server_errors_are_retried_until_success(string service, string operation)
    {
        _account.Emulator.Faults.For(service).FailNext(2, 503);
        _account.Emulator.Calls.Reset();

        await CallAsync(service);

        Assert.Equal(3, _account.Emulator.Calls.Count(service, operation));
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeLoadBalancers", "Throttling")]
    [InlineData("apigateway", "GetRestApi", "TooManyRequestsException")]
    [InlineData("acm-pca", "DescribeCertificateAuthority", "ThrottlingException")]
    [InlineData("s3", "GetBucketVersioning", "SlowDown")]
    public async Task Persistent_throttling_stops_after_the_maximum_attempts(string service, string operation, string code)
    {
        _account.Emulator.Faults.For(service).ThrottleFraction = 1;
        _account.Emulator.Calls.Reset();

        var error = await Assert.ThrowsAsync<AwsThrottledException>(() => CallAsync(service));

        Assert.Equal(code, error.Code);
        Assert.Equal(3, _account.Emulator.Calls.Count(service, operation));
    }

    [Fact]
    public async Task Assumed_role_is_fetched_once_and_used_for_every_service()
    {
        var clients = _account.Factory.ClientsFor(new AwsTarget(null, $"arn:aws:iam::{_account.Emulator.AccountId}:role/mtls-cross-account", "external-1", "TrustStore/payments/partners"));

        await clients.Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None);
        await clients.RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None);
        await clients.PrivateCa.DescribeAsync(_account.Seed.SubordinateCaArn, CancellationToken.None);
        await clients.BundleStore.GetVersioningAsync(_account.Seed.BucketName, CancellationToken.None);
        await clients.Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None);

        Assert.Equal(1, _account.Emulator.Calls.Count("sts", "AssumeRole"));
        Assert.Same(clients, _account.Factory.ClientsFor(new AwsTarget("eu-west-1", $"arn:aws:iam::{_account.Emulator.AccountId}:role/mtls-cross-account", "external-1", "TrustStore/payments/partners")));
    }

    [Fact]
    public async Task Wrong_secret_is_access_denied_for_every_service()
    {
        using var factory = new AwsClientFactory(EmulatedAccount.ClientOptions(_account.Emulator.Endpoint) with
        {
            Credentials = new StaticCredentialSource(new SigningCredentials(AwsEmulatorCredentials.AccessKeyId, "not-the-secret", null, null)),
        });
        var clients = factory.ClientsFor(AwsTarget.Default);

        await Assert.ThrowsAsync<AwsAccessDeniedException>(() => clients.Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None));
        await Assert.ThrowsAsync<AwsAccessDeniedException>(() => clients.RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None));
        await Assert.ThrowsAsync<AwsAccessDeniedException>(() => clients.PrivateCa.DescribeAsync(_account.Seed.SubordinateCaArn, CancellationToken.None));
        await Assert.ThrowsAsync<AwsAccessDeniedException>(() => clients.BundleStore.GetVersioningAsync(_account.Seed.BucketName, CancellationToken.None));
        Assert.Equal(1, _account.Emulator.Calls.Total("elasticloadbalancing"));
    }

    [Fact]
    public async Task Service_specific_endpoint_variable_wins_over_the_global_one()
    {
        var closedPort = ClosedLoopbackPort();
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{closedPort}/",
            ["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"] = _account.Emulator.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_ACM_PCA"] = _account.Emulator.Endpoint.ToString(),
        };
        using var factory = new AwsClientFactory(EmulatedAccount.ClientOptions(_account.Emulator.Endpoint) with
        {
            Environment = environment.GetValueOrDefault,
            Retry = new AwsRetryPolicy { MaxAttempts = 1 },
        });
        var clients = factory.ClientsFor(AwsTarget.Default);

        await clients.Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None);
        await clients.PrivateCa.DescribeAsync(_account.Seed.SubordinateCaArn, CancellationToken.None);
        var unreachable = await Assert.ThrowsAsync<AwsTransientException>(() => clients.RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None));

        Assert.Equal("ConnectionError", unreachable.Code);
        Assert.Equal(0, _account.Emulator.Calls.Total("apigateway"));
    }

    private Task CallAsync(string service)
    {
        var clients = _account.Clients;
        return service switch
        {
            "elasticloadbalancing" => clients.Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None),
            "apigateway" => clients.RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None),
            "acm-pca" => clients.PrivateCa.DescribeAsync(_account.Seed.SubordinateCaArn, CancellationToken.None),
            _ => clients.BundleStore.GetVersioningAsync(_account.Seed.BucketName, CancellationToken.None),
        };
    }

    // A port that was free a moment ago and that nothing listens on, so connecting fails fast.
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

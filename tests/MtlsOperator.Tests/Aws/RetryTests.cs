using System.Diagnostics.Metrics;
using System.Net;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

public sealed class RetryTests : IDisposable
{
    private const string ThrottlingXml = """<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>""";
    private const string EmptyTrustStores = """<DescribeTrustStoresResponse><DescribeTrustStoresResult><TrustStores/></DescribeTrustStoresResult></DescribeTrustStoresResponse>""";
    private readonly CapturingHandler _handler = new();
    private readonly ManualTimeProvider _time = new(AwsTestFactory.Now);
    private readonly AwsClientFactory _factory;

    public RetryTests() => _factory = AwsTestFactory.Create(_handler, _time);

    private AwsClients Clients => _factory.ClientsFor(AwsTarget.Default);

    [Fact]
    public async Task Throttling_is_retried_with_exponential_backoff_then_succeeds()
    {
        _handler.Reply(HttpStatusCode.BadRequest, ThrottlingXml).Reply(HttpStatusCode.BadRequest, ThrottlingXml).Reply(HttpStatusCode.OK, EmptyTrustStores);

        var stores = await Clients.TrustStores.ListAsync(CancellationToken.None);

        Assert.Empty(stores);
        Assert.Equal(3, _handler.Requests.Count);

        // Throttling base 20 ms, jitter 0.5: 10 ms then 20 ms.
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], _time.Delays);
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh()
    {
        _handler.Reply(HttpStatusCode.InternalServerError, "").Reply(HttpStatusCode.OK, EmptyTrustStores);

        await Clients.TrustStores.ListAsync(CancellationToken.None);

        Assert.All(_handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/eu-west-1/elasticloadbalancing/aws4_request", r.Header("Authorization")));
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_error()
    {
        _handler.Reply(HttpStatusCode.ServiceUnavailable, """<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>try later</Message></Error><RequestId>r3</RequestId></ErrorResponse>""");

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => Clients.TrustStores.ListAsync(CancellationToken.None));

        Assert.Equal(3, _handler.Requests.Count);
        Assert.Equal("ServiceUnavailable", error.Code);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.HttpStatus);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Validation_errors_are_not_retried()
    {
        _handler.Reply(HttpStatusCode.BadRequest, """<ErrorResponse><Error><Code>ValidationError</Code><Message>Name is too long</Message></Error><RequestId>v</RequestId></ErrorResponse>""");

        var error = await Assert.ThrowsAsync<AwsValidationException>(() => Clients.TrustStores.FindByNameAsync(new string('x', 40), CancellationToken.None));

        Assert.Single(_handler.Requests);
        Assert.Equal("Name is too long", error.AwsMessage);
    }

    [Fact]
    public async Task Retry_after_header_sets_the_minimum_wait()
    {
        _handler
            .Reply(HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests"}""", "application/json", ("x-amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "3"))
            .Reply(HttpStatusCode.OK, """{"id":"a1","name":"n"}""", "application/json");

        var api = await Clients.RestApis.GetAsync("a1", CancellationToken.None);

        Assert.Equal("a1", api.Id);
        Assert.Equal([TimeSpan.FromSeconds(3)], _time.Delays);
    }

    [Fact]
    public async Task Connection_failures_are_retried()
    {
        _handler.Fail(new HttpRequestException("connection refused")).Reply(HttpStatusCode.OK, EmptyTrustStores);

        await Clients.TrustStores.ListAsync(CancellationToken.None);

        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task Connection_failure_that_persists_is_transient_without_status()
    {
        _handler.Fail(new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => Clients.TrustStores.ListAsync(CancellationToken.None));

        Assert.Equal("ConnectionError", error.Code);
        Assert.Equal(0, (int)error.HttpStatus);
        Assert.Null(error.RequestId);
    }

    [Fact]
    public async Task Records_each_attempt_with_its_outcome()
    {
        var outcomes = new List<(string Operation, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AwsClientMetrics.MeterName && instrument.Name == "aws.client.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            if (map["operation"] == "DescribeTrustStores")
            {
                lock (outcomes)
                {
                    outcomes.Add((map["operation"], map["outcome"]));
                }
            }
        });
        listener.Start();
        _handler.Reply(HttpStatusCode.BadRequest, ThrottlingXml).Reply(HttpStatusCode.OK, EmptyTrustStores);

        await Clients.TrustStores.ListAsync(CancellationToken.None);

        Assert.Contains(("DescribeTrustStores", "throttled"), outcomes);
        Assert.Contains(("DescribeTrustStores", "success"), outcomes);
    }

    [Fact]
    public async Task Unreadable_success_reply_is_a_transient_error()
    {
        _handler.Reply(HttpStatusCode.OK, "<html>gateway page", "text/html");

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => Clients.TrustStores.ListAsync(CancellationToken.None));

        Assert.Equal("MalformedResponse", error.Code);
    }

    [Fact]
    public void Retry_quota_runs_dry_and_refills_on_success()
    {
        var quota = new RetryQuota(capacity: 12);

        Assert.Equal(5, quota.TryAcquire(afterTimeout: false));
        Assert.Equal(5, quota.TryAcquire(afterTimeout: false));
        Assert.Equal(0, quota.TryAcquire(afterTimeout: false));
        quota.Release(10);
        Assert.Equal(10, quota.TryAcquire(afterTimeout: true));
    }

    [Fact]
    public void Backoff_is_capped()
    {
        var policy = new AwsRetryPolicy();

        Assert.InRange(policy.Backoff(30, AwsErrorKind.Transient, null, 0.999), TimeSpan.FromSeconds(19), policy.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Backoff(1, AwsErrorKind.Throttled, TimeSpan.FromMinutes(10), 0.5));
    }

    public void Dispose() => _factory.Dispose();
}

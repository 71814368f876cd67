using System.Diagnostics;
using System.Net;
using System.Text;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Signing;

namespace MtlsOperator.Benchmarks;

/// <summary>SigV4 signing cost, client-stack overhead per call (in-memory HTTP), and the client-side rate limit holding its rate.</summary>
public sealed class AwsClientBenchmark : IBenchmark
{
    private const string Reply = """
        <DescribeTrustStoresResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeTrustStoresResult><TrustStores>
        <member><Name>partners</Name><TrustStoreArn>arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/partners/73e2d6bc24d8a067</TrustStoreArn><Status>ACTIVE</Status><NumberOfCaCertificates>2</NumberOfCaCertificates><TotalRevokedEntries>0</TotalRevokedEntries></member>
        </TrustStores></DescribeTrustStoresResult></DescribeTrustStoresResponse>
        """;

    private static readonly SigningCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token", null);

    public string Name => "aws";

    public string Description => "SigV4 signing, ELBv2 client call overhead over in-memory HTTP, client-side rate limit accuracy";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        MeasureSigning(output);
        await MeasureCallsAsync(output, cancellationToken);
        await MeasureRateLimitAsync(output, cancellationToken);
    }

    private static void MeasureSigning(TextWriter output)
    {
        var body = Encoding.UTF8.GetBytes("Action=DescribeTrustStores&Version=2015-12-01&Names.member.1=partners");
        const int count = 50_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://elasticloadbalancing.eu-west-1.amazonaws.com/") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            SigV4Signer.Sign(request, body, Credentials, "eu-west-1", "elasticloadbalancing", DateTimeOffset.UtcNow);
        }

        output.WriteLine($"sigv4 sign: {count} requests in {watch.Elapsed.TotalMilliseconds:0} ms = {watch.Elapsed.TotalMicroseconds / count:0.0} us/request");
    }

    private static async Task MeasureCallsAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var factory = Factory(new AwsRateLimit(1_000_000, 1_000_000));
        var trustStores = factory.ClientsFor(AwsTarget.Default).TrustStores;
        await trustStores.ListAsync(cancellationToken);
        const int count = 20_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await trustStores.ListAsync(cancellationToken);
        }

        output.WriteLine($"DescribeTrustStores (serialize, sign, metrics, parse; no network): {count} calls in {watch.Elapsed.TotalMilliseconds:0} ms = {watch.Elapsed.TotalMicroseconds / count:0.0} us/call");
    }

    private static async Task MeasureRateLimitAsync(TextWriter output, CancellationToken cancellationToken)
    {
        const double rate = 20;
        const int burst = 5;
        const int count = 65;
        using var factory = Factory(new AwsRateLimit(rate, burst));
        var trustStores = factory.ClientsFor(AwsTarget.Default).TrustStores;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => trustStores.ListAsync(cancellationToken)));
        var expected = (count - burst) / rate;
        output.WriteLine($"rate limit {rate}/s burst {burst}: {count} concurrent calls took {watch.Elapsed.TotalSeconds:0.00} s (ideal {expected:0.00} s), {(count - burst) / watch.Elapsed.TotalSeconds:0.0} calls/s after the burst");
    }

    private static AwsClientFactory Factory(AwsRateLimit limit) => new(new AwsClientOptions
    {
        DefaultRegion = "eu-west-1",
        Credentials = new StaticCredentialSource(Credentials),
        Environment = _ => null,
        HttpHandler = new CannedHandler(),
        RateLimit = limit,
    });

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Reply, Encoding.UTF8, "text/xml") });
    }
}

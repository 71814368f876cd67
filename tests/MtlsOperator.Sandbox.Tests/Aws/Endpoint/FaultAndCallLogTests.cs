using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Faults;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Tests.Aws.Endpoint;

public sealed class FaultAndCallLogTests : EmulatorTest
{
    [Fact]
    public async Task Throttling_uses_each_protocols_own_error()
    {
        Emulator.Faults.For(AwsFaults.AllServices).ThrottleFraction = 1;

        var (queryStatus, query) = await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        var (jsonStatus, json) = await Client.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);
        var (restStatus, restType, _) = await Client.RestJsonAsync(HttpMethod.Get, "apigateway", "/restapis");
        using var s3 = await Client.SendAsync(HttpMethod.Get, "s3", "/bucket?versioning", [], null);

        Assert.Equal((400, "Throttling"), (queryStatus, query.ErrorCode()));
        Assert.Equal((400, "ThrottlingException"), (jsonStatus, json["__type"]!.GetValue<string>()));
        Assert.Equal((429, "TooManyRequestsException"), (restStatus, restType));
        Assert.Equal(503, (int)s3.StatusCode);
        Assert.Contains("<Code>SlowDown</Code>", await s3.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailNext_fails_exactly_that_many_calls_of_that_service()
    {
        Emulator.Faults.For("acm-pca").FailNext(2, 503);

        var (first, _) = await Client.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);
        var (other, _) = await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        var (second, _) = await Client.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);
        var (third, _) = await Client.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);

        Assert.Equal([503, 200, 503, 200], new[] { first, other, second, third });
        Assert.Equal(3, Emulator.Calls.Count("acm-pca", "ListCertificateAuthorities"));
        Assert.Equal(2, Emulator.Calls.Entries.Count(c => c.StatusCode == 503));
    }

    [Fact]
    public async Task AWS_SDK_retries_through_injected_server_errors()
    {
        Emulator.Faults.For("s3").FailNext(2, 500);
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey),
            new AmazonS3Config { ServiceURL = Emulator.Endpoint.ToString(), ForcePathStyle = true, MaxErrorRetry = 3 });

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "retried" });

        Assert.Equal(3, Emulator.Calls.Count("s3", "CreateBucket"));
        Assert.Contains("retried", Emulator.S3.BucketNames);
    }

    [Fact]
    public async Task Latency_delays_answers_by_at_least_the_setting()
    {
        Emulator.Faults.For("elasticloadbalancing").Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Call_log_counts_operations_and_separates_writes()
    {
        await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        await Client.Json11Async("acm-pca", "ACMPrivateCA.CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "ROOT",
            ["CertificateAuthorityConfiguration"] = new JsonObject
            {
                ["KeyAlgorithm"] = "EC_prime256v1", ["SigningAlgorithm"] = "SHA256WITHECDSA", ["Subject"] = new JsonObject { ["CommonName"] = "Logged" },
            },
        });

        Assert.Equal(2, Emulator.Calls.Count("elasticloadbalancing", "DescribeTrustStores"));
        Assert.Equal(2, Emulator.Calls.Total("elasticloadbalancing"));
        Assert.Equal(3, Emulator.Calls.Total());
        Assert.Equal(["CreateCertificateAuthority"], Emulator.Calls.Writes().Select(c => c.Operation));
        Assert.All(Emulator.Calls.Entries, c => Assert.Equal(AwsEmulatorCredentials.AccessKeyId, c.AccessKeyId));

        Emulator.Calls.Reset();
        Assert.Equal(0, Emulator.Calls.Total());
    }

    [Fact]
    public async Task Unknown_operations_are_refused_and_logged_nowhere()
    {
        var (status, body) = await Client.QueryAsync("elasticloadbalancing", "CreateLoadBalancer", ("Name", "x"));
        var (versionStatus, versionBody) = await Client.QueryAsync("elasticloadbalancing", "DescribeTrustStores", ("Version", "2012-06-01"));
        var (jsonStatus, json) = await Client.Json11Async("acm-pca", "ACMPrivateCA.DeleteEverything", []);

        Assert.Equal((400, "InvalidAction"), (status, body.ErrorCode()));
        Assert.Equal((400, "InvalidAction"), (versionStatus, versionBody.ErrorCode()));
        Assert.Equal((400, "UnknownOperationException"), (jsonStatus, json["__type"]!.GetValue<string>()));
        Assert.Equal(0, Emulator.Calls.Total());
    }
}

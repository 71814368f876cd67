using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Benchmarks;

/// <summary>Round trips per second and latency of the AWS emulator, driven by the official SDK clients (SigV4 verified on every call).</summary>
public sealed class AwsEmulatorBenchmark : IBenchmark
{
    private const int Warmup = 50;
    private const int Calls = 1000;

    public string Name => "awsemu";

    public string Description => "AWS emulator: signed STS (awsQuery) and S3 (REST-XML, streaming payload) round trips via AWSSDK";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var emulator = await AwsEmulator.StartAsync(cancellationToken: cancellationToken);
        var credentials = new BasicAWSCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey);
        using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "eu-west-1" });
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = emulator.Endpoint.ToString(), ForcePathStyle = true });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "bench" }, cancellationToken);
        await s3.PutBucketVersioningAsync(
            new PutBucketVersioningRequest { BucketName = "bench", VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } }, cancellationToken);
        var bundle = new byte[16 * 1024];
        Random.Shared.NextBytes(bundle);

        await MeasureAsync(output, "sts GetCallerIdentity", ct => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct), cancellationToken);
        await MeasureAsync(output, "s3 PutObject 16 KiB (versioned)", async ct =>
        {
            using var stream = new MemoryStream(bundle);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = "bundle.pem", InputStream = stream }, ct);
        }, cancellationToken);
        await MeasureAsync(output, "s3 GetObject 16 KiB", async ct =>
        {
            using var response = await s3.GetObjectAsync("bench", "bundle.pem", ct);
            await response.ResponseStream.CopyToAsync(Stream.Null, ct);
        }, cancellationToken);
    }

    private static async Task MeasureAsync(TextWriter output, string label, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await call(cancellationToken);
        }

        var latencies = new double[Calls];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            var one = Stopwatch.StartNew();
            await call(cancellationToken);
            latencies[i] = one.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-34} {Calls / total.Elapsed.TotalSeconds,8:F0} calls/s  p50 {latencies[Calls / 2],6:F2} ms  p99 {latencies[Calls * 99 / 100],6:F2} ms  ({Calls} sequential calls)"));
    }
}

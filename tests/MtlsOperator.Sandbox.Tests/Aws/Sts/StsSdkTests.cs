using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Tests.Aws.Sts;

public sealed class StsSdkTests : IAsyncLifetime, IDisposable
{
    // Below STS's 900-second minimum; a field so the SDK's compile-time range check does not reject the test itself.
    private static readonly int TooShort = int.Parse("60", System.Globalization.CultureInfo.InvariantCulture);
    private readonly ManualTime time = new();
    private AwsEmulator emulator = null!;
    private AmazonSecurityTokenServiceClient sts = null!;

    public async Task InitializeAsync()
    {
        emulator = await AwsEmulator.StartAsync(new AwsEmulatorOptions { Time = time });
        sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "eu-west-1" });
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    public void Dispose() => sts.Dispose();

    [Fact]
    public async Task AssumeRole_issues_session_credentials_the_endpoint_accepts()
    {
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::444455556666:role/mtls-operator",
            RoleSessionName = "reconcile",
            DurationSeconds = 900,
        });

        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/mtls-operator/reconcile", assumed.AssumedRoleUser.Arn);
        Assert.InRange(assumed.Credentials.Expiration!.Value.ToUniversalTime(), time.GetUtcNow().UtcDateTime.AddSeconds(890), time.GetUtcNow().UtcDateTime.AddSeconds(910));
        Assert.Equal(1, emulator.Calls.Count("sts", "AssumeRole"));

        var session = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        using var asRole = new AmazonSecurityTokenServiceClient(session, new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "eu-west-1" });
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal("111122223333", identity.Account);

        using var s3 = new AmazonS3Client(session, new AmazonS3Config { ServiceURL = emulator.Endpoint.ToString(), ForcePathStyle = true });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "as-role" });
        Assert.Contains("as-role", emulator.S3.BucketNames);
    }

    [Fact]
    public async Task Expired_session_is_refused_with_ExpiredToken()
    {
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111122223333:role/r", RoleSessionName = "s2", DurationSeconds = 900 });
        time.Advance(TimeSpan.FromMinutes(16));

        using var s3 = new AmazonS3Client(
            new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken),
            new AmazonS3Config { ServiceURL = emulator.Endpoint.ToString(), ForcePathStyle = true, MaxErrorRetry = 0 });
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync(new PutBucketRequest { BucketName = "late" }));

        Assert.Equal("ExpiredToken", error.ErrorCode);
    }

    [Fact]
    public async Task Invalid_role_arn_and_duration_are_ValidationError()
    {
        var badArn = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:s3:::a-bucket-not-a-role", RoleSessionName = "s1" }));
        var badDuration = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111122223333:role/r", RoleSessionName = "s1", DurationSeconds = TooShort }));

        Assert.Equal("ValidationError", badArn.ErrorCode);
        Assert.Equal("ValidationError", badDuration.ErrorCode);
    }

    [Fact]
    public async Task Web_identity_is_exchanged_without_a_signature()
    {
        var result = await sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = "arn:aws:iam::111122223333:role/irsa",
            RoleSessionName = "pod",
            WebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
        });

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/irsa/pod", result.AssumedRoleUser.Arn);
        Assert.Single(emulator.Sts.IssuedSessions);
    }
}

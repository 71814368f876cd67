using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Tests.Aws.S3;

public sealed class S3SdkTests : IAsyncLifetime, IDisposable
{
    private AwsEmulator emulator = null!;
    private AmazonS3Client s3 = null!;

    public async Task InitializeAsync()
    {
        emulator = await AwsEmulator.StartAsync();
        s3 = new AmazonS3Client(
            new BasicAWSCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey),
            new AmazonS3Config { ServiceURL = emulator.Endpoint.ToString(), ForcePathStyle = true });
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    public void Dispose() => s3.Dispose();

    [Fact]
    public async Task Versioned_bucket_keeps_every_version_readable_by_id()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "bundles" });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = "bundles",
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });

        var first = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bundles", Key = "ca/bundle.pem", ContentBody = "one" });
        var second = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bundles", Key = "ca/bundle.pem", ContentBody = "two" });

        Assert.False(string.IsNullOrEmpty(first.VersionId));
        Assert.NotEqual(first.VersionId, second.VersionId);
        Assert.Equal("one", await ReadAsync(new GetObjectRequest { BucketName = "bundles", Key = "ca/bundle.pem", VersionId = first.VersionId }));
        Assert.Equal("two", await ReadAsync(new GetObjectRequest { BucketName = "bundles", Key = "ca/bundle.pem" }));

        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = "bundles", Key = "ca/bundle.pem", VersionId = first.VersionId });
        Assert.Equal(3, head.ContentLength);
        Assert.Equal(first.VersionId, head.VersionId);

        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = "bundles" });
        Assert.Equal(VersionStatus.Enabled, versioning.VersioningConfig.Status);
    }

    [Fact]
    public async Task Delete_without_version_leaves_a_marker_and_old_versions()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "crls" });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = "crls",
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "crls", Key = "a.crl", ContentBody = "crl" });

        var deleted = await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = "crls", Key = "a.crl" });

        Assert.Equal("true", deleted.DeleteMarker);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync("crls", "a.crl"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        var versions = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = "crls" });
        Assert.Equal(2, versions.Versions.Count);
        Assert.Contains(versions.Versions, v => v.IsDeleteMarker == true && v.IsLatest == true);
        Assert.Contains(versions.Versions, v => v.VersionId == put.VersionId && v.IsLatest != true);
        Assert.Equal("crl", await ReadAsync(new GetObjectRequest { BucketName = "crls", Key = "a.crl", VersionId = put.VersionId }));
    }

    [Fact]
    public async Task Unversioned_bucket_answers_without_version_ids_and_removes_on_delete()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "plain" });
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "plain", Key = "k", ContentBody = "v" });
        Assert.True(string.IsNullOrEmpty(put.VersionId));

        await s3.DeleteObjectAsync("plain", "k");

        var versions = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = "plain" });
        Assert.Empty(versions.Versions ?? []);
    }

    [Fact]
    public async Task Missing_bucket_and_unknown_version_are_modeled_errors()
    {
        var noBucket = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync("absent", "k"));
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "present" });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = "present",
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "present", Key = "k", ContentBody = "v" });
        var noVersion = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = "present", Key = "k", VersionId = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" }));
        Assert.Equal("NoSuchVersion", noVersion.ErrorCode);

        var duplicate = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync(new PutBucketRequest { BucketName = "present" }));
        Assert.Equal("BucketAlreadyOwnedByYou", duplicate.ErrorCode);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_with_SignatureDoesNotMatch()
    {
        using var wrong = new AmazonS3Client(
            new BasicAWSCredentials(AwsEmulatorCredentials.AccessKeyId, "not-the-secret"),
            new AmazonS3Config { ServiceURL = emulator.Endpoint.ToString(), ForcePathStyle = true });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => wrong.PutBucketAsync(new PutBucketRequest { BucketName = "nope" }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Empty(emulator.S3.BucketNames);
    }

    [Fact]
    public async Task Large_streaming_upload_round_trips()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "big" });
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        using var stream = new MemoryStream(content);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "big", Key = "blob", InputStream = stream });

        Assert.Equal(content, emulator.S3.GetObject("big", "blob")!.Content);
    }

    [Fact]
    public async Task Listing_metadata_location_and_bucket_deletion_behave_like_S3()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "listing", BucketRegion = S3Region.EUWest1 });
        var put = new PutObjectRequest { BucketName = "listing", Key = "a/one.pem", ContentBody = "1", ContentType = "application/x-pem-file" };
        put.Metadata.Add("owner", "platform");
        await s3.PutObjectAsync(put);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "listing", Key = "a/two.pem", ContentBody = "2" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "listing", Key = "b/three.pem", ContentBody = "3" });

        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Prefix = "a/", MaxKeys = 1 });
        var rest = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Prefix = "a/", ContinuationToken = page.NextContinuationToken });
        Assert.Equal(["a/one.pem"], page.S3Objects.Select(o => o.Key));
        Assert.True(page.IsTruncated);
        Assert.Equal(["a/two.pem"], rest.S3Objects.Select(o => o.Key));

        var folders = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Delimiter = "/" });
        Assert.Equal(["a/", "b/"], folders.CommonPrefixes);
        Assert.Empty(folders.S3Objects ?? []);

        var head = await s3.GetObjectMetadataAsync("listing", "a/one.pem");
        Assert.Equal("platform", head.Metadata["owner"]);
        Assert.Equal("application/x-pem-file", head.Headers.ContentType);

        var location = await s3.GetBucketLocationAsync("listing");
        Assert.Equal(S3Region.EUWest1, location.Location);

        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync("listing"));
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        foreach (var key in new[] { "a/one.pem", "a/two.pem", "b/three.pem" })
        {
            await s3.DeleteObjectAsync("listing", key);
        }

        await s3.DeleteBucketAsync("listing");
        Assert.DoesNotContain("listing", emulator.S3.BucketNames);
    }

    private async Task<string> ReadAsync(GetObjectRequest request)
    {
        using var response = await s3.GetObjectAsync(request);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

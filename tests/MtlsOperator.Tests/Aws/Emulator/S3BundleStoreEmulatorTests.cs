using System.Text;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.S3;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws.Emulator;

public sealed class S3BundleStoreEmulatorTests : IAsyncLifetime
{
    private EmulatedAccount _account = null!;

    private IBundleStore Store => _account.Clients.BundleStore;

    private string Bucket => _account.Seed.BucketName;

    public async Task InitializeAsync() => _account = await EmulatedAccount.StartAsync();

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task Each_put_creates_a_version_that_can_be_read_back()
    {
        var metadata = new Dictionary<string, string> { ["sha256"] = "abc123", ["certificates"] = "2" };

        var first = await Store.PutAsync(Bucket, "payments/partners.pem", Encoding.ASCII.GetBytes("first"), "application/x-pem-file", metadata, CancellationToken.None);
        var second = await Store.PutAsync(Bucket, "payments/partners.pem", Encoding.ASCII.GetBytes("second!"), "application/x-pem-file", metadata, CancellationToken.None);

        Assert.Equal(BucketVersioning.Enabled, await Store.GetVersioningAsync(Bucket, CancellationToken.None));
        Assert.NotNull(first.VersionId);
        Assert.NotEqual(first.VersionId, second.VersionId);
        var old = await Store.GetAsync(Bucket, "payments/partners.pem", first.VersionId, CancellationToken.None);
        Assert.Equal("first", Encoding.ASCII.GetString(old.Content.Span));
        Assert.Equal("abc123", old.Info.Metadata["sha256"]);
        Assert.Equal(first.VersionId, old.Info.VersionId);
        var latest = await Store.HeadAsync(Bucket, "payments/partners.pem", null, CancellationToken.None);
        Assert.Equal(second.VersionId, latest.VersionId);
        Assert.Equal(7, latest.ContentLength);
        Assert.Equal("2", latest.Metadata["certificates"]);
    }

    [Fact]
    public async Task Deleting_a_version_leaves_the_others()
    {
        var first = await Store.PutAsync(Bucket, "k.pem", Encoding.ASCII.GetBytes("1"), "application/x-pem-file", new Dictionary<string, string>(), CancellationToken.None);
        var second = await Store.PutAsync(Bucket, "k.pem", Encoding.ASCII.GetBytes("2"), "application/x-pem-file", new Dictionary<string, string>(), CancellationToken.None);

        await Store.DeleteAsync(Bucket, "k.pem", second.VersionId, CancellationToken.None);

        Assert.Equal(first.VersionId, (await Store.HeadAsync(Bucket, "k.pem", null, CancellationToken.None)).VersionId);
        var head = await Assert.ThrowsAsync<AwsNotFoundException>(() => Store.HeadAsync(Bucket, "k.pem", second.VersionId, CancellationToken.None));
        Assert.Equal("s3", head.Service);
        Assert.Equal("HeadObject", head.Operation);
    }

    [Fact]
    public async Task Missing_objects_and_buckets_are_not_found()
    {
        var key = await Assert.ThrowsAsync<AwsNotFoundException>(() => Store.GetAsync(Bucket, "nothing.pem", null, CancellationToken.None));
        var bucket = await Assert.ThrowsAsync<AwsNotFoundException>(() => Store.GetVersioningAsync("no-such-bucket-here", CancellationToken.None));

        Assert.Equal("NoSuchKey", key.Code);
        Assert.Equal("NoSuchBucket", bucket.Code);
    }
}

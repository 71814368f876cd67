using System.Text;
using MtlsOperator.Aws.S3;
using MtlsOperator.Controllers.TrustStores;

namespace MtlsOperator.Tests.Controllers.TrustStores;

public sealed class ObjectPublisherTests
{
    private const string Owner = "TrustStore/default/partners";
    private static readonly byte[] BundleA = Encoding.ASCII.GetBytes("bundle A");
    private static readonly byte[] BundleB = Encoding.ASCII.GetBytes("bundle B");

    [Fact]
    public async Task Uploads_only_when_the_content_hash_differs_from_the_latest_version()
    {
        var store = new InMemoryBundleStore();
        var publisher = new ObjectPublisher(store, Owner);

        var first = await publisher.PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);
        var again = await publisher.PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);
        var changed = await publisher.PublishAsync("bucket", "key.pem", BundleB, "application/x-pem-file", CancellationToken.None);

        Assert.True(first.Uploaded);
        Assert.False(again.Uploaded);
        Assert.Equal(first.VersionId, again.VersionId);
        Assert.True(changed.Uploaded);
        Assert.NotEqual(first.VersionId, changed.VersionId);
        Assert.Equal(2, store.Puts);
    }

    [Fact]
    public async Task Uploads_again_when_someone_else_wrote_the_latest_version()
    {
        var store = new InMemoryBundleStore();
        var publisher = new ObjectPublisher(store, Owner);
        var ours = await publisher.PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);
        await store.PutAsync("bucket", "key.pem", BundleB, "text/plain", new Dictionary<string, string>(), CancellationToken.None);

        var restored = await publisher.PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);

        Assert.True(restored.Uploaded);
        Assert.NotEqual(ours.VersionId, restored.VersionId);
    }

    [Theory]
    [InlineData(BucketVersioning.Unversioned, "disabled")]
    [InlineData(BucketVersioning.Suspended, "suspended")]
    public async Task Refuses_a_bucket_without_versioning(BucketVersioning versioning, string said)
    {
        var publisher = new ObjectPublisher(new InMemoryBundleStore { Versioning = versioning }, Owner);

        var refused = await Assert.ThrowsAsync<BlockedException>(() => publisher.EnsureVersionedAsync("bucket", CancellationToken.None));

        Assert.Equal(TrustStoreReasons.BucketNotVersioned, refused.Reason);
        Assert.True(refused.Recheck);
        Assert.StartsWith("spec.bundle.s3Bucket: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_its_own_versions_newest_first_and_stops_at_someone_elses()
    {
        var store = new InMemoryBundleStore();
        await store.PutAsync("bucket", "key.pem", BundleB, "text/plain", new Dictionary<string, string>(), CancellationToken.None);
        var publisher = new ObjectPublisher(store, Owner);
        await publisher.PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);
        await publisher.PublishAsync("bucket", "key.pem", BundleB, "application/x-pem-file", CancellationToken.None);

        var deleted = await publisher.DeleteWrittenAsync("bucket", "key.pem", CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(["v1"], store.VersionsOf("key.pem"));
    }

    [Fact]
    public async Task Deleting_what_another_resource_wrote_deletes_nothing()
    {
        var store = new InMemoryBundleStore();
        await new ObjectPublisher(store, "TrustStore/other/partners").PublishAsync("bucket", "key.pem", BundleA, "application/x-pem-file", CancellationToken.None);

        var deleted = await new ObjectPublisher(store, Owner).DeleteWrittenAsync("bucket", "key.pem", CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Equal(0, store.Deletes);
    }
}

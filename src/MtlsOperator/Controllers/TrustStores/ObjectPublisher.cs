using System.Security.Cryptography;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.S3;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// Writes bundles and CRLs to versioned S3 objects only when their content changed (the SHA-256 lives in the object's
/// metadata), and removes again exactly the versions it wrote (marked with the owning resource).
/// </summary>
public sealed class ObjectPublisher(IBundleStore store, string owner)
{
    /// <summary>User metadata key holding the lowercase hex SHA-256 of the content.</summary>
    public const string Sha256Metadata = "sha256";

    /// <summary>User metadata key naming the resource that wrote the version (<c>TrustStore/namespace/name</c>).</summary>
    public const string OwnerMetadata = "mtls-owner";

    // A key holds one version per bundle change; this bounds a runaway loop, not a real history.
    private const int MaxVersionsDeleted = 1000;

    // Buckets found versioned by this publisher (one reconcile): the bundle and its CRLs share one.
    private readonly HashSet<string> versionedBuckets = new(StringComparer.Ordinal);

    /// <summary>Refuses buckets without versioning: trust stores and API Gateway domains pin one object version.</summary>
    /// <exception cref="BlockedException">The bucket is missing or not versioned.</exception>
    public async Task EnsureVersionedAsync(string bucket, CancellationToken cancellationToken)
    {
        BucketVersioning versioning;
        try
        {
            versioning = await store.GetVersioningAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            throw new BlockedException(TrustStoreReasons.BucketNotFound,
                $"spec.bundle.s3Bucket: bucket {bucket} does not exist; create it (with versioning enabled) in the trust store's region or correct the name",
                recheck: true);
        }

        if (versioning != BucketVersioning.Enabled)
        {
            throw new BlockedException(TrustStoreReasons.BucketNotVersioned,
                $"spec.bundle.s3Bucket: bucket {bucket} has versioning {(versioning == BucketVersioning.Suspended ? "suspended" : "disabled")}; trust stores "
                + "and API Gateway domains refer to one object version, so nothing was uploaded. Enable versioning "
                + $"(aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled)",
                recheck: true);
        }
    }

    /// <summary>
    /// The latest version of <paramref name="bucket"/>/<paramref name="key"/> when it already holds <paramref name="content"/>;
    /// otherwise a new version, written after checking (once per publisher and bucket) that the bucket keeps versions.
    /// </summary>
    /// <exception cref="BlockedException">The content must be written and the bucket is missing or not versioned.</exception>
    public async Task<PublishedObject> PublishAsync(string bucket, string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var latest = await LatestAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (latest is { VersionId: { } current } && latest.Metadata.TryGetValue(Sha256Metadata, out var stored) && stored == sha256)
        {
            return new PublishedObject(new S3ObjectReference(bucket, key, current), sha256, Uploaded: false);
        }

        // Versioning matters only to a write: a version already written stays readable whatever the bucket's setting now.
        if (!versionedBuckets.Contains(bucket))
        {
            await EnsureVersionedAsync(bucket, cancellationToken).ConfigureAwait(false);
            versionedBuckets.Add(bucket);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [Sha256Metadata] = sha256, [OwnerMetadata] = owner };
        var written = await store.PutAsync(bucket, key, content, contentType, metadata, cancellationToken).ConfigureAwait(false);
        if (written.VersionId is null)
        {
            // Versioning was switched off between the check and the write.
            throw new BlockedException(TrustStoreReasons.BucketNotVersioned,
                $"spec.bundle.s3Bucket: bucket {bucket} returned no version id for {key}; enable versioning on the bucket", recheck: true);
        }

        return new PublishedObject(new S3ObjectReference(bucket, key, written.VersionId), sha256, Uploaded: true);
    }

    /// <summary>
    /// Deletes the versions of <paramref name="key"/> this owner wrote, newest first, stopping at the first version someone
    /// else wrote; returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteWrittenAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (deleted < MaxVersionsDeleted)
        {
            var latest = await LatestAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (latest?.VersionId is not { } version
                || !latest.Metadata.TryGetValue(OwnerMetadata, out var writer) || writer != owner)
            {
                break;
            }

            await store.DeleteAsync(bucket, key, version, cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    private async Task<StoredObjectInfo?> LatestAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.HeadAsync(bucket, key, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }
}

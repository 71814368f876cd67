using System.Security.Cryptography;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.S3;

/// <summary>The emulated S3 buckets; the other services read bundles and CRLs from here and Private CA writes CRLs here.</summary>
public sealed class S3State
{
    private readonly Dictionary<string, S3Bucket> buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    internal S3State(TimeProvider time)
    {
        this.time = time;
    }

    internal Lock Gate { get; } = new();

    /// <summary>Names of all buckets.</summary>
    public IReadOnlyList<string> BucketNames
    {
        get { lock (Gate) { return [.. buckets.Keys.Order(StringComparer.Ordinal)]; } }
    }

    /// <summary>Creates a bucket (optionally versioned) as CreateBucket would.</summary>
    public S3Bucket CreateBucket(string name, string region, bool versioned = false)
    {
        lock (Gate)
        {
            if (buckets.ContainsKey(name))
            {
                throw new AwsServiceException("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409);
            }

            var bucket = new S3Bucket(name, region, time.GetUtcNow()) { VersioningStatus = versioned ? "Enabled" : null };
            buckets[name] = bucket;
            return bucket;
        }
    }

    /// <summary>Writes an object as PutObject would and returns the version written.</summary>
    public S3ObjectVersion PutObject(string bucketName, string key, byte[] content, string contentType = "binary/octet-stream", IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (Gate)
        {
            var bucket = Bucket(bucketName);
            var version = new S3ObjectVersion(
                key,
                NextVersionId(bucket),
                content,
                contentType,
                "\"" + Convert.ToHexStringLower(Md5(content)) + "\"",
                time.GetUtcNow(),
                IsDeleteMarker: false,
                metadata ?? new Dictionary<string, string>());
            Store(bucket, version);
            return version;
        }
    }

    /// <summary>Reads a version of an object (the latest when <paramref name="versionId"/> is null); null when absent or deleted.</summary>
    public S3ObjectVersion? GetObject(string bucketName, string key, string? versionId = null)
    {
        lock (Gate)
        {
            if (!buckets.TryGetValue(bucketName, out var bucket))
            {
                return null;
            }

            var version = versionId is null ? bucket.Latest(key) : bucket.Versions.Find(v => v.Key == key && v.VersionId == versionId);
            return version is { IsDeleteMarker: false } ? version : null;
        }
    }

    /// <summary>The bucket, or S3's <c>NoSuchBucket</c>.</summary>
    internal S3Bucket Bucket(string name) =>
        buckets.TryGetValue(name, out var bucket)
            ? bucket
            : throw new AwsServiceException("NoSuchBucket", "The specified bucket does not exist", 404);

    internal bool TryGetBucket(string name, out S3Bucket bucket) => buckets.TryGetValue(name, out bucket!);

    internal IEnumerable<S3Bucket> Buckets => buckets.Values;

    internal void Remove(string name) => buckets.Remove(name);

    internal S3ObjectVersion AddDeleteMarker(S3Bucket bucket, string key)
    {
        var marker = new S3ObjectVersion(key, NextVersionId(bucket), [], string.Empty, string.Empty, time.GetUtcNow(), IsDeleteMarker: true, new Dictionary<string, string>());
        Store(bucket, marker);
        return marker;
    }

    /// <summary>MD5 is what the S3 protocol prescribes for ETags and Content-MD5; it is not used for security here.</summary>
#pragma warning disable CA5351
    internal static byte[] Md5(byte[] content) => MD5.HashData(content);
#pragma warning restore CA5351

    private static string NextVersionId(S3Bucket bucket) =>
        bucket.VersioningStatus == "Enabled" ? AwsIds.S3Version() : S3ObjectVersion.NullVersionId;

    private static void Store(S3Bucket bucket, S3ObjectVersion version)
    {
        // A "null" version replaces the previous "null" version of the key, as in unversioned or suspended buckets.
        if (version.VersionId == S3ObjectVersion.NullVersionId)
        {
            bucket.Versions.RemoveAll(v => v.Key == version.Key && v.VersionId == S3ObjectVersion.NullVersionId);
        }

        bucket.Versions.Add(version);
    }
}

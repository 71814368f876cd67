using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.S3;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>A versioned bucket in memory, for the publisher's decisions without HTTP; every write is counted.</summary>
internal sealed class InMemoryBundleStore : IBundleStore
{
    private readonly List<(string Key, string VersionId, byte[] Content, IReadOnlyDictionary<string, string> Metadata)> versions = [];
    private int nextVersion;

    public BucketVersioning Versioning { get; set; } = BucketVersioning.Enabled;

    public int Puts { get; private set; }

    public int Deletes { get; private set; }

    public IReadOnlyList<string> VersionsOf(string key) => [.. versions.Where(v => v.Key == key).Select(v => v.VersionId)];

    public Task<StoredObjectVersion> PutAsync(string bucket, string key, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        Puts++;
        var version = Versioning == BucketVersioning.Enabled ? $"v{++nextVersion}" : null;
        versions.RemoveAll(v => v.Key == key && version is null);
        versions.Add((key, version ?? "null", content.ToArray(), new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase)));
        return Task.FromResult(new StoredObjectVersion(version, "\"etag\""));
    }

    public Task<StoredObject> GetAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        var found = Find(key, versionId);
        return Task.FromResult(new StoredObject(found.Content, Info(found)));
    }

    public Task<StoredObjectInfo> HeadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        Task.FromResult(Info(Find(key, versionId)));

    public Task<BucketVersioning> GetVersioningAsync(string bucket, CancellationToken cancellationToken) => Task.FromResult(Versioning);

    public Task DeleteAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        Deletes++;
        versions.RemoveAll(v => v.Key == key && v.VersionId == versionId);
        return Task.CompletedTask;
    }

    private (string Key, string VersionId, byte[] Content, IReadOnlyDictionary<string, string> Metadata) Find(string key, string? versionId)
    {
        var matching = versions.Where(v => v.Key == key && (versionId is null || v.VersionId == versionId)).ToList();
        return matching.Count > 0
            ? matching[^1]
            : throw new AwsNotFoundException(new AwsErrorDetails("NoSuchKey", "The specified key does not exist.", null), "s3", "HeadObject", System.Net.HttpStatusCode.NotFound);
    }

    private static StoredObjectInfo Info((string Key, string VersionId, byte[] Content, IReadOnlyDictionary<string, string> Metadata) v) =>
        new(v.VersionId, "\"etag\"", v.Content.Length, "application/x-pem-file", v.Metadata);
}

namespace MtlsOperator.Aws.S3;

/// <summary>Versioned S3 objects holding CA bundles and revocation lists.</summary>
public interface IBundleStore
{
    /// <summary>Writes an object; returns the version S3 created.</summary>
    Task<StoredObjectVersion> PutAsync(string bucket, string key, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Reads an object (a given version, or the latest when <paramref name="versionId"/> is null).</summary>
    /// <exception cref="Errors.AwsNotFoundException">The bucket, key or version does not exist.</exception>
    Task<StoredObject> GetAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);

    /// <summary>Reads an object's metadata without its content.</summary>
    /// <exception cref="Errors.AwsNotFoundException">The bucket, key or version does not exist.</exception>
    Task<StoredObjectInfo> HeadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);

    /// <summary>The bucket's versioning state.</summary>
    Task<BucketVersioning> GetVersioningAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Deletes a version, or (without <paramref name="versionId"/>) adds a delete marker.</summary>
    Task DeleteAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);
}

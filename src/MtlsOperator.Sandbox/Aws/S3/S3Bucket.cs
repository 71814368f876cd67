namespace MtlsOperator.Sandbox.Aws.S3;

/// <summary>A bucket and every version of every object in it, oldest first.</summary>
public sealed class S3Bucket
{
    internal S3Bucket(string name, string region, DateTimeOffset createdAt)
    {
        Name = name;
        Region = region;
        CreatedAt = createdAt;
    }

    /// <summary>Bucket name.</summary>
    public string Name { get; }

    /// <summary>The region in the bucket's LocationConstraint.</summary>
    public string Region { get; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>Enabled</c>, <c>Suspended</c>, or null when versioning was never configured.</summary>
    public string? VersioningStatus { get; internal set; }

    internal List<S3ObjectVersion> Versions { get; } = [];

    /// <summary>The newest version of a key (possibly a delete marker), or null.</summary>
    internal S3ObjectVersion? Latest(string key) => Versions.LastOrDefault(v => v.Key == key);

    /// <summary>Versions in ListObjectVersions order: by key, newest first.</summary>
    internal IEnumerable<S3ObjectVersion> Listing() =>
        Versions.Select((v, i) => (v, i)).OrderBy(p => p.v.Key, StringComparer.Ordinal).ThenByDescending(p => p.i).Select(p => p.v);
}

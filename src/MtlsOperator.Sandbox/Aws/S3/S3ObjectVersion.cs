namespace MtlsOperator.Sandbox.Aws.S3;

/// <summary>One version of an S3 object (or a delete marker); <see cref="VersionId"/> is <c>null</c> in unversioned buckets.</summary>
public sealed record S3ObjectVersion(
    string Key,
    string VersionId,
    byte[] Content,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    bool IsDeleteMarker,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The version id S3 reports for objects written while versioning was off.</summary>
    public const string NullVersionId = "null";
}

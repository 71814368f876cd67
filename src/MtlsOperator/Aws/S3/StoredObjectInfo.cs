namespace MtlsOperator.Aws.S3;

/// <summary>An object's version, size and user metadata (keys without the <c>x-amz-meta-</c> prefix).</summary>
public sealed record StoredObjectInfo(string? VersionId, string? ETag, long ContentLength, string? ContentType, IReadOnlyDictionary<string, string> Metadata);

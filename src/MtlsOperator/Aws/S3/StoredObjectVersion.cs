namespace MtlsOperator.Aws.S3;

/// <summary>The version a write created; <c>VersionId</c> is null when the bucket is not versioned.</summary>
public sealed record StoredObjectVersion(string? VersionId, string? ETag);

namespace MtlsOperator.Aws;

/// <summary>An S3 object, optionally pinned to one version (trust store bundles, revocation lists).</summary>
public sealed record S3ObjectReference(string Bucket, string Key, string? VersionId = null)
{
    /// <summary>The <c>s3://bucket/key</c> form API Gateway's <c>truststoreUri</c> expects.</summary>
    public string Uri => $"s3://{Bucket}/{Key}";
}

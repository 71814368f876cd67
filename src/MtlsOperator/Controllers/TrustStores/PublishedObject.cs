using MtlsOperator.Aws;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>An object version holding the wanted content, and whether this reconcile wrote it.</summary>
public sealed record PublishedObject(S3ObjectReference Location, string Sha256, bool Uploaded)
{
    /// <summary>The version id; never null, because only versioned buckets are written to.</summary>
    public string VersionId => Location.VersionId!;
}

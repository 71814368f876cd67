namespace MtlsOperator.Aws.S3;

/// <summary>A bucket's versioning state; API Gateway truststores and pinned trust store bundles need <see cref="Enabled"/>.</summary>
public enum BucketVersioning
{
    /// <summary>Versioning was never enabled.</summary>
    Unversioned,

    /// <summary>Every write creates a new version.</summary>
    Enabled,

    /// <summary>Versioning was enabled, then suspended.</summary>
    Suspended,
}

using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>A trust store: the CA bundle read from S3 and its revocation lists.</summary>
public sealed class Elbv2TrustStore
{
    internal Elbv2TrustStore(string arn, string name, string region, DateTimeOffset createdAt)
    {
        Arn = arn;
        Name = name;
        Region = region;
        CreatedAt = createdAt;
    }

    /// <summary>Trust store ARN.</summary>
    public string Arn { get; }

    /// <summary>Name, unique per region.</summary>
    public string Name { get; }

    /// <summary>Region.</summary>
    public string Region { get; }

    /// <summary>Creation time; the store is <c>CREATING</c> until the activation delay has passed.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The bundle bytes as read from S3.</summary>
    public byte[] Bundle { get; internal set; } = [];

    /// <summary>The CA certificates in the bundle.</summary>
    public IReadOnlyList<X509Certificate2> CaCertificates { get; internal set; } = [];

    /// <summary>Where the bundle came from: bucket, key and the version read.</summary>
    public (string Bucket, string Key, string VersionId) BundleSource { get; internal set; }

    /// <summary>Imported revocation lists.</summary>
    public IReadOnlyList<Elbv2TrustStoreRevocation> Revocations => RevocationEntries;

    internal List<Elbv2TrustStoreRevocation> RevocationEntries { get; } = [];

    internal long NextRevocationId { get; set; } = 1;

    /// <summary>Total revoked serials across every imported CRL.</summary>
    public long TotalRevokedEntries => RevocationEntries.Sum(r => (long)r.RevokedSerialNumbers.Count);
}

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>Where and how a CA publishes its CRL.</summary>
public sealed record CrlConfiguration(
    bool Enabled,
    int ExpirationInDays = 7,
    string? S3BucketName = null,
    string? CustomCname = null,
    bool OmitExtension = false,
    string? CustomPath = null,
    string S3ObjectAcl = "PUBLIC_READ")
{
    /// <summary>Publication switched off.</summary>
    public static CrlConfiguration Disabled { get; } = new(false);

    /// <summary>The S3 key of the CRL, <c>crl/&lt;ca-id&gt;.crl</c> unless a custom path is set.</summary>
    public string ObjectKey(string caId) => $"{(string.IsNullOrEmpty(CustomPath) ? "crl" : CustomPath.Trim('/'))}/{caId}.crl";

    /// <summary>The URL put in the CRL distribution point extension of issued certificates.</summary>
    public string DistributionPoint(string caId, string region) =>
        string.IsNullOrEmpty(CustomCname)
            ? $"http://{S3BucketName}.s3.{region}.amazonaws.com/{ObjectKey(caId)}"
            : $"http://{CustomCname}/{ObjectKey(caId)}";
}

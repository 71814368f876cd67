namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Every reason the TrustStore controller puts on its conditions and events; the README's troubleshooting table lists them.</summary>
public static class TrustStoreReasons
{
    /// <summary>Ready=True: the trust store is ACTIVE with the current bundle and revocation lists.</summary>
    public const string Ready = "Ready";

    /// <summary>Ready=False: AWS is still creating the trust store; the operator looks again shortly.</summary>
    public const string Pending = "Pending";

    /// <summary>Ready=False: the gathered CA bundle is not valid (a leaf certificate, a private key, an expired CA ...); AWS was not touched.</summary>
    public const string BundleInvalid = "BundleInvalid";

    /// <summary>Ready=False: a Secret, ConfigMap, key or Private CA named in spec.caCertificates does not exist.</summary>
    public const string SourceNotFound = "SourceNotFound";

    /// <summary>Ready=False: spec.bundle.s3Bucket does not have versioning enabled; nothing was uploaded.</summary>
    public const string BucketNotVersioned = "BucketNotVersioned";

    /// <summary>Ready=False: spec.bundle.s3Bucket does not exist (in the trust store's region, for these credentials).</summary>
    public const string BucketNotFound = "BucketNotFound";

    /// <summary>Ready=False: the operator's (or spec.roleArn's) IAM permissions do not allow a call it needs.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>Ready=False: an AWS quota (trust stores per region, revocation lists per trust store) would be exceeded.</summary>
    public const string QuotaExceeded = "QuotaExceeded";

    /// <summary>Ready=False: a trust store of the same name exists and is neither tagged as this resource's nor marked for adoption.</summary>
    public const string Conflict = "Conflict";

    /// <summary>Ready=False: the resource is being deleted but listeners still use the trust store; the operator retries.</summary>
    public const string InUse = "InUse";

    /// <summary>Ready=False: the trust store name (spec.name or namespace-name) is not one ELBv2 accepts.</summary>
    public const string InvalidName = "InvalidName";

    /// <summary>Ready=False: a CRL in spec.revocation cannot be read yet (CRL publication disabled, not published, Secret missing).</summary>
    public const string RevocationUnavailable = "RevocationUnavailable";

    /// <summary>Ready=False: a CRL in spec.revocation is malformed or issued by a CA that is not in the bundle.</summary>
    public const string RevocationInvalid = "RevocationInvalid";

    /// <summary>Ready=False: AWS calls have been throttled or failing for a while; the operator keeps retrying with backoff.</summary>
    public const string AwsUnavailable = "AwsUnavailable";

    /// <summary>Ready=False: AWS refused a request as invalid; the message quotes AWS.</summary>
    public const string Rejected = "Rejected";

    /// <summary>Degraded=True: the bundle is usable but has warnings (a CA expiring soon, a SHA-1 signature ...).</summary>
    public const string BundleWarnings = "BundleWarnings";

    /// <summary>Event: the operator created the ELBv2 trust store.</summary>
    public const string Created = "Created";

    /// <summary>Event: an existing trust store of the same name was adopted (annotation mtls.operator.dev/adopt).</summary>
    public const string Adopted = "Adopted";

    /// <summary>Event: a new bundle version was written to S3.</summary>
    public const string BundleUploaded = "BundleUploaded";

    /// <summary>Event: the trust store was pointed at a new bundle version (ModifyTrustStore).</summary>
    public const string BundleApplied = "BundleApplied";

    /// <summary>Event: a revocation list was added to or replaced in the trust store.</summary>
    public const string RevocationUpdated = "RevocationUpdated";

    /// <summary>Event: a change made in AWS outside the operator was put back.</summary>
    public const string DriftCorrected = "DriftCorrected";

    /// <summary>Event: the trust store and the S3 objects the operator wrote were deleted.</summary>
    public const string Deleted = "Deleted";

    /// <summary>Event: deletionPolicy Retain left the trust store and S3 objects in AWS.</summary>
    public const string Retained = "Retained";
}

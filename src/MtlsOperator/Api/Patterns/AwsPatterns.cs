namespace MtlsOperator.Api;

/// <summary>
/// Regular expressions for AWS identifiers. ARNs accept the partitions aws, aws-cn and aws-us-gov; the resource parts
/// follow the formats each service documents.
/// </summary>
public static class AwsPatterns
{
    private const string Partition = "arn:aws(-cn|-us-gov)?";
    private const string RegionPart = "[a-z]{2}(-[a-z]+)+-[0-9]+";
    private const string Account = "[0-9]{12}";
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// <summary>A region code such as eu-west-1, cn-north-1 or us-gov-west-1.</summary>
    public const string Region = "^" + RegionPart + "$";

    /// <summary>An AWS Private CA certificate authority.</summary>
    public const string PrivateCaArn = "^" + Partition + ":acm-pca:" + RegionPart + ":" + Account + ":certificate-authority/" + Uuid + "$";

    /// <summary>An AWS Private CA certificate template, e.g. arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1.</summary>
    public const string PrivateCaTemplateArn = "^" + Partition + ":acm-pca:::template/[A-Za-z0-9_]+/V[0-9]+$";

    /// <summary>An ACM certificate.</summary>
    public const string AcmCertificateArn = "^" + Partition + ":acm:" + RegionPart + ":" + Account + ":certificate/" + Uuid + "$";

    /// <summary>An Application Load Balancer listener (mutual TLS exists only on ALBs).</summary>
    public const string AlbListenerArn =
        "^" + Partition + ":elasticloadbalancing:" + RegionPart + ":" + Account + ":listener/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}$";

    /// <summary>An IAM role, with an optional path.</summary>
    public const string IamRoleArn = "^" + Partition + ":iam::" + Account + ":role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$";

    /// <summary>
    /// An ELBv2 trust store name: 1-32 letters, digits and hyphens, no leading, trailing or double hyphen (the pattern
    /// of CreateTrustStore's Name in the ELBv2 API reference, 2015-12-01).
    /// </summary>
    public const string TrustStoreName = "^([A-Za-z0-9]+-)*[A-Za-z0-9]+$";

    /// <summary>An S3 bucket name (general purpose bucket naming rules: lowercase letters, digits, dots, hyphens).</summary>
    public const string S3BucketName = @"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

    /// <summary>An S3 object key that does not start with a slash.</summary>
    public const string S3Key = "^[^/].*$";

    /// <summary>An API Gateway REST API id.</summary>
    public const string RestApiId = "^[a-z0-9]{10}$";

    /// <summary>An API Gateway stage name.</summary>
    public const string StageName = "^[A-Za-z0-9_-]+$";

    /// <summary>An API Gateway base path: empty (the root) or segments of unreserved characters separated by slashes.</summary>
    public const string BasePath = "^([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?$";

    /// <summary>An HTTP header name an ALB listener may use for the client-certificate headers.</summary>
    public const string HeaderName = "^[A-Za-z0-9-]+$";
}

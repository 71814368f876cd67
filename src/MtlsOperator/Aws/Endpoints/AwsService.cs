namespace MtlsOperator.Aws.Endpoints;

/// <summary>What identifies an AWS service on the wire: its SigV4 signing name, endpoint prefix and endpoint variable name.</summary>
/// <param name="SigningName">Service name in the SigV4 credential scope, e.g. <c>elasticloadbalancing</c>.</param>
/// <param name="EndpointPrefix">Host name prefix of the default endpoint, e.g. <c>elasticloadbalancing</c>.</param>
/// <param name="EnvironmentId">Suffix of <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>: the service ID upper-cased, spaces to underscores.</param>
/// <param name="DisplayName">Short name used in metrics and logs.</param>
public sealed record AwsService(string SigningName, string EndpointPrefix, string EnvironmentId, string DisplayName)
{
    /// <summary>Elastic Load Balancing v2 (service ID "Elastic Load Balancing v2").</summary>
    public static AwsService ElasticLoadBalancingV2 { get; } = new("elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing");

    /// <summary>Amazon API Gateway (service ID "API Gateway").</summary>
    public static AwsService ApiGateway { get; } = new("apigateway", "apigateway", "API_GATEWAY", "apigateway");

    /// <summary>AWS Private CA (service ID "ACM PCA").</summary>
    public static AwsService AcmPca { get; } = new("acm-pca", "acm-pca", "ACM_PCA", "acm-pca");

    /// <summary>Amazon S3 (service ID "S3").</summary>
    public static AwsService S3 { get; } = new("s3", "s3", "S3", "s3");

    /// <summary>AWS Security Token Service (service ID "STS").</summary>
    public static AwsService Sts { get; } = new("sts", "sts", "STS", "sts");
}

using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>An API Gateway regional custom domain with mutual TLS mapped to a REST API stage.</summary>
public sealed record ApiGatewayExposure
{
    [JsonPropertyName("restApiId")]
    [Required]
    [Pattern(AwsPatterns.RestApiId)]
    [Length(10, 10)]
    [Description("Id of the REST API to map, e.g. a1b2c3d4e5.")]
    public string RestApiId { get; init; } = "";

    [JsonPropertyName("stage")]
    [Required]
    [Pattern(AwsPatterns.StageName)]
    [Length(1, 128)]
    [Description("Stage of the REST API to map, e.g. prod.")]
    public string Stage { get; init; } = "";

    [JsonPropertyName("certificateArn")]
    [Required]
    [Pattern(AwsPatterns.AcmCertificateArn)]
    [Length(20, 2048)]
    [Description("ACM certificate for the domain's server side (regionalCertificateArn), in the domain's region.")]
    public string CertificateArn { get; init; } = "";

    [JsonPropertyName("ownershipVerificationCertificateArn")]
    [Pattern(AwsPatterns.AcmCertificateArn)]
    [Length(20, 2048)]
    [Description("Public ACM certificate proving ownership of the domain; API Gateway requires it when certificateArn is an "
        + "imported or Private CA certificate.")]
    public string? OwnershipVerificationCertificateArn { get; init; }

    [JsonPropertyName("basePath")]
    [Pattern(AwsPatterns.BasePath)]
    [Length(0, 1024)]
    [Description("Base path of the mapping; empty (default) maps the domain's root.")]
    public string BasePath { get; init; } = "";

    [JsonPropertyName("securityPolicy")]
    [Description("TLS security policy of the domain. Mutual TLS needs TLS 1.2 or later.")]
    public ApiGatewaySecurityPolicy SecurityPolicy { get; init; } = ApiGatewaySecurityPolicy.Tls12;

    [JsonPropertyName("disableExecuteApiEndpoint")]
    [Description("Turn off the REST API's default execute-api endpoint so clients cannot bypass mutual TLS. It takes effect at the "
        + "next deployment of the API: see redeploy.")]
    public bool DisableExecuteApiEndpoint { get; init; } = true;

    [JsonPropertyName("redeploy")]
    [Description("Let the operator create a deployment of the stage when disableExecuteApiEndpoint changes, so it takes effect. "
        + "When false, the exposure reports PendingDeployment until someone deploys the API.")]
    public bool Redeploy { get; init; }
}

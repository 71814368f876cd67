using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>An API Gateway custom domain as API Gateway reports it.</summary>
public sealed record DomainStatus
{
    [JsonPropertyName("domainNameStatus")]
    [Description("AVAILABLE, UPDATING, PENDING, PENDING_CERTIFICATE_REIMPORT, PENDING_OWNERSHIP_VERIFICATION or FAILED.")]
    public string? DomainNameStatus { get; init; }

    [JsonPropertyName("domainNameStatusMessage")]
    [Description("API Gateway's explanation of domainNameStatus.")]
    public string? DomainNameStatusMessage { get; init; }

    [JsonPropertyName("regionalDomainName")]
    [Description("Target for the DNS alias or CNAME record of domainName.")]
    public string? RegionalDomainName { get; init; }

    [JsonPropertyName("regionalHostedZoneId")]
    [Description("Route 53 hosted zone id for an alias record to regionalDomainName.")]
    public string? RegionalHostedZoneId { get; init; }

    [JsonPropertyName("truststoreUri")]
    [Description("S3 URI of the truststore the domain uses.")]
    public string? TruststoreUri { get; init; }

    [JsonPropertyName("truststoreVersion")]
    [Description("S3 object version of the truststore the domain uses; follows the TrustStore's bundle version.")]
    public string? TruststoreVersion { get; init; }

    [JsonPropertyName("truststoreWarnings")]
    [Description("Problems API Gateway found in the truststore (e.g. an expired or malformed certificate).")]
    public IReadOnlyList<string>? TruststoreWarnings { get; init; }

    [JsonPropertyName("basePathMapping")]
    [Description("The base path mapped to restApiId/stage, (none) for the root.")]
    public string? BasePathMapping { get; init; }

    [JsonPropertyName("executeApiEndpointDisabled")]
    [Description("Whether the REST API's disableExecuteApiEndpoint is set.")]
    public bool? ExecuteApiEndpointDisabled { get; init; }

    [JsonPropertyName("pendingSinceDeploymentId")]
    [Description("Deployment the stage served when the operator changed disableExecuteApiEndpoint; the change takes effect "
        + "(and PendingDeployment ends) once the stage serves a newer deployment.")]
    public string? PendingSinceDeploymentId { get; init; }

    [JsonPropertyName("deploymentId")]
    [Description("Deployment the operator created so disableExecuteApiEndpoint takes effect (redeploy: true).")]
    public string? DeploymentId { get; init; }
}

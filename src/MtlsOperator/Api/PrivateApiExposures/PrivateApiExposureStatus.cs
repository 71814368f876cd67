using System.Text.Json.Serialization;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Observed state of a <see cref="V1Alpha1PrivateApiExposure"/>.</summary>
public sealed record PrivateApiExposureStatus
{
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    [Description("Ready is True when AWS matches the spec; its reason says why not (WaitingForTrustStore, ListenerNotFound, "
        + "ListenerNotHttps, Conflict, QuotaExceeded, PendingDeployment, Pending, DomainNotAvailable, DomainNotRegional, RestApiNotFound, StageNotFound, "
        + "AccessDenied, AwsRejected, AwsUnavailable). Degraded is True while API Gateway reports truststoreWarnings.")]
    public IList<V1Condition>? Conditions { get; init; }

    [JsonPropertyName("observedGeneration")]
    [Description("metadata.generation the operator last acted on.")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("endpoint")]
    [Description("URL clients call, e.g. https://api.partners.example.com/.")]
    public string? Endpoint { get; init; }

    [JsonPropertyName("trustStoreArn")]
    [Description("ARN of the ELBv2 trust store in use (loadBalancer).")]
    public string? TrustStoreArn { get; init; }

    [JsonPropertyName("listener")]
    [Description("The listener's mutual authentication as AWS reports it (loadBalancer).")]
    public ListenerStatus? Listener { get; init; }

    [JsonPropertyName("domain")]
    [Description("The custom domain as API Gateway reports it (apiGateway).")]
    public DomainStatus? Domain { get; init; }
}

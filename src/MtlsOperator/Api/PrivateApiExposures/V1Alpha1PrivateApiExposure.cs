using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Mutual TLS in front of a private API: an ALB listener's mTLS settings or an API Gateway custom domain with mTLS.</summary>
[KubernetesEntity(Group = MtlsApiGroup.Group, ApiVersion = MtlsApiGroup.Version, Kind = "PrivateApiExposure", PluralName = "privateapiexposures")]
[Description("PrivateApiExposure puts mutual TLS in front of an API: either on an Application Load Balancer HTTPS listener "
    + "(verify or passthrough mode with a TrustStore, client-certificate headers for the backend) or as an API Gateway "
    + "regional custom domain with mutual TLS, its base path mapping and the default execute-api endpoint switched off.")]
[PrinterColumn(0, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn(1, "TrustStore", "string", ".spec.trustStoreRef.name")]
[PrinterColumn(2, "Endpoint", "string", ".status.endpoint")]
[PrinterColumn(3, "Mode", "string", ".status.listener.mode", Description = "ALB listener mutual authentication mode.", Priority = 1)]
[PrinterColumn(4, "Truststore Version", "string", ".status.domain.truststoreVersion",
    Description = "S3 object version the API Gateway domain uses.", Priority = 1)]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp")]
public sealed class V1Alpha1PrivateApiExposure : IKubernetesObject<V1ObjectMeta>, ISpec<PrivateApiExposureSpec>, IStatus<PrivateApiExposureStatus?>
{
    /// <summary>The kind's names: <c>privateapiexposures</c>, short names <c>mpe</c> and <c>apiexposure</c>, category <c>mtls</c>.</summary>
    public static ResourceDescriptor Descriptor { get; } = new(
        MtlsApiGroup.Group, MtlsApiGroup.Version, "PrivateApiExposure", "privateapiexposures", "privateapiexposure", ["mpe", "apiexposure"],
        [MtlsApiGroup.Category], typeof(V1Alpha1PrivateApiExposure), typeof(V1Alpha1PrivateApiExposureList));

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MtlsApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "PrivateApiExposure";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Required]
    [Description("Desired state: which TrustStore, and exactly one of loadBalancer or apiGateway.")]
    public PrivateApiExposureSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("Observed state, written by the operator.")]
    public PrivateApiExposureStatus? Status { get; set; }
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>A CA bundle kept in a versioned S3 object and an ELBv2 trust store built from it, with its revocation lists.</summary>
[KubernetesEntity(Group = MtlsApiGroup.Group, ApiVersion = MtlsApiGroup.Version, Kind = "TrustStore", PluralName = "truststores")]
[Description("TrustStore gathers CA certificates from Secrets, ConfigMaps, inline PEM and AWS Private CA into one validated bundle, "
    + "keeps it in a versioned S3 object and an Elastic Load Balancing trust store, and keeps the trust store's revocation lists in step "
    + "with the CAs' CRLs. API Gateway custom domains use the bundle's S3 URI and object version.")]
[ValidationRule(typeof(DefaultTrustStoreNameRule))]
[PrinterColumn(0, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn(1, "Status", "string", ".status.trustStoreStatus", Description = "The ELBv2 trust store status (CREATING, ACTIVE).")]
[PrinterColumn(2, "CAs", "integer", ".status.bundle.certificates", Description = "CA certificates in the bundle.")]
[PrinterColumn(3, "CA Expiry", "date", ".status.bundle.notAfter", Description = "Earliest notAfter among the CA certificates.")]
[PrinterColumn(4, "ARN", "string", ".status.trustStoreArn", Priority = 1)]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp")]
public sealed class V1Alpha1TrustStore : IKubernetesObject<V1ObjectMeta>, ISpec<TrustStoreSpec>, IStatus<TrustStoreStatus?>
{
    /// <summary>The kind's names: <c>truststores</c>, short name <c>mts</c>, category <c>mtls</c>.</summary>
    public static ResourceDescriptor Descriptor { get; } = new(
        MtlsApiGroup.Group, MtlsApiGroup.Version, "TrustStore", "truststores", "truststore", ["mts"], [MtlsApiGroup.Category],
        typeof(V1Alpha1TrustStore), typeof(V1Alpha1TrustStoreList));

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MtlsApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "TrustStore";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Required]
    [Description("Desired state: the CA sources, where the bundle lives in S3, the revocation lists and what deletion does.")]
    public TrustStoreSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("Observed state, written by the operator.")]
    public TrustStoreStatus? Status { get; set; }
}

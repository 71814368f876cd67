using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>A client certificate issued by AWS Private CA or a CA held in a Secret, kept in a kubernetes.io/tls Secret and renewed.</summary>
[KubernetesEntity(Group = MtlsApiGroup.Group, ApiVersion = MtlsApiGroup.Version, Kind = "ClientCertificate", PluralName = "clientcertificates")]
[Description("ClientCertificate generates a key pair in the operator, has a certificate issued by AWS Private CA or by a CA kept in a "
    + "Secret, stores both in a kubernetes.io/tls Secret (tls.crt with the chain, tls.key, ca.crt), renews it before it expires "
    + "and can revoke it when the resource is deleted.")]
[PrinterColumn(0, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn(1, "Secret", "string", ".spec.secretName")]
[PrinterColumn(2, "Expires", "date", ".status.notAfter", Description = "When the current certificate expires.")]
[PrinterColumn(3, "Renews", "date", ".status.renewalTime", Description = "When the operator will renew the certificate.", Priority = 1)]
[PrinterColumn(4, "Serial", "string", ".status.serialNumber", Priority = 1)]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp")]
public sealed class V1Alpha1ClientCertificate : IKubernetesObject<V1ObjectMeta>, ISpec<ClientCertificateSpec>, IStatus<ClientCertificateStatus?>
{
    /// <summary>The kind's names: <c>clientcertificates</c>, short names <c>mcc</c> and <c>clientcert</c>, category <c>mtls</c>.</summary>
    public static ResourceDescriptor Descriptor { get; } = new(
        MtlsApiGroup.Group, MtlsApiGroup.Version, "ClientCertificate", "clientcertificates", "clientcertificate", ["mcc", "clientcert"],
        [MtlsApiGroup.Category], typeof(V1Alpha1ClientCertificate), typeof(V1Alpha1ClientCertificateList));

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MtlsApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ClientCertificate";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Required]
    [Description("Desired state: the Secret to write, the certificate's identity and key, its lifetime and its issuer.")]
    public ClientCertificateSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("Observed state, written by the operator.")]
    public ClientCertificateStatus? Status { get; set; }
}

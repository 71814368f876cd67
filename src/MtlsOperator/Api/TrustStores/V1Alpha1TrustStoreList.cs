using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MtlsOperator.Api;

/// <summary>A list of <see cref="V1Alpha1TrustStore"/> as the API server returns it.</summary>
public sealed class V1Alpha1TrustStoreList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1TrustStore>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MtlsApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "TrustStoreList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<V1Alpha1TrustStore> Items { get; set; } = [];
}

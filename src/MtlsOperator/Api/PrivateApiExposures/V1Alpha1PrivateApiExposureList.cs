using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MtlsOperator.Api;

/// <summary>A list of <see cref="V1Alpha1PrivateApiExposure"/> as the API server returns it.</summary>
public sealed class V1Alpha1PrivateApiExposureList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1PrivateApiExposure>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MtlsApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "PrivateApiExposureList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<V1Alpha1PrivateApiExposure> Items { get; set; } = [];
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Resources;

/// <summary>A list response for any resource type: <c>metadata.resourceVersion</c>, <c>continue</c> and the items.</summary>
public sealed class ResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}

using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>One key of a ConfigMap in the resource's own namespace.</summary>
public sealed record ConfigMapKeyReference
{
    [JsonPropertyName("name")]
    [Required]
    [Pattern(KubernetesPatterns.ObjectName)]
    [Length(1, 253)]
    [Description("Name of the ConfigMap, in the same namespace as this resource.")]
    public string Name { get; init; } = "";

    [JsonPropertyName("key")]
    [Required]
    [Pattern(KubernetesPatterns.DataKey)]
    [Length(1, 253)]
    [Description("Key within the ConfigMap's data whose value is PEM text.")]
    public string Key { get; init; } = "";
}

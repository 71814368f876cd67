using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>A reference by name to an object in the resource's own namespace.</summary>
public sealed record LocalObjectReference
{
    [JsonPropertyName("name")]
    [Required]
    [Pattern(KubernetesPatterns.ObjectName)]
    [Length(1, 253)]
    [Description("Name of the object, in the same namespace as this resource.")]
    public string Name { get; init; } = "";
}

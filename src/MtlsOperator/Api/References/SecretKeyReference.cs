using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>One key of a Secret in the resource's own namespace.</summary>
public sealed record SecretKeyReference
{
    [JsonPropertyName("name")]
    [Required]
    [Pattern(KubernetesPatterns.ObjectName)]
    [Length(1, 253)]
    [Description("Name of the Secret, in the same namespace as this resource.")]
    public string Name { get; init; } = "";

    [JsonPropertyName("key")]
    [Required]
    [Pattern(KubernetesPatterns.DataKey)]
    [Length(1, 253)]
    [Description("Key within the Secret's data whose value is PEM text.")]
    public string Key { get; init; } = "";
}

using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Metadata to put on a generated Secret.</summary>
public sealed record SecretTemplate
{
    [JsonPropertyName("labels")]
    [Description("Labels added to the Secret.")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("annotations")]
    [Description("Annotations added to the Secret. Keys under mtls.operator.dev/ are reserved for the operator.")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

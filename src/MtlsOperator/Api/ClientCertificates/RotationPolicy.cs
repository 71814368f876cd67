using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>Whether a renewal generates a new private key.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RotationPolicy>))]
public enum RotationPolicy
{
    [JsonStringEnumMemberName("Always")]
    Always,

    [JsonStringEnumMemberName("Never")]
    Never,
}

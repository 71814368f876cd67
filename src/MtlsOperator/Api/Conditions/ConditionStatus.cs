using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>The status of a <see cref="ConditionSchema"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    [JsonStringEnumMemberName("True")]
    True,

    [JsonStringEnumMemberName("False")]
    False,

    [JsonStringEnumMemberName("Unknown")]
    Unknown,
}

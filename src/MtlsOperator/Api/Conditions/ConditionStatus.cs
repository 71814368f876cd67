using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>The status of a <see cref="V1Alpha1Condition"/>.</summary>
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

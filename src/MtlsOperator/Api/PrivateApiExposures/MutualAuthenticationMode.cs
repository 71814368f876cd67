using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>An ALB listener's mutual authentication mode (the operator never sets <c>off</c> except on deletion).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MutualAuthenticationMode>))]
public enum MutualAuthenticationMode
{
    [JsonStringEnumMemberName("verify")]
    Verify,

    [JsonStringEnumMemberName("passthrough")]
    Passthrough,
}

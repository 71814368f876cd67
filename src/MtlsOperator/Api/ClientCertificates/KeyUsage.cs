using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>A key usage or extended key usage, spelled as cert-manager spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyUsage>))]
public enum KeyUsage
{
    [JsonStringEnumMemberName("client auth")]
    ClientAuth,

    [JsonStringEnumMemberName("server auth")]
    ServerAuth,

    [JsonStringEnumMemberName("digital signature")]
    DigitalSignature,

    [JsonStringEnumMemberName("key encipherment")]
    KeyEncipherment,
}

using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>The algorithm of a generated key pair.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrivateKeyAlgorithm>))]
public enum PrivateKeyAlgorithm
{
    [JsonStringEnumMemberName("ECDSA")]
    Ecdsa,

    [JsonStringEnumMemberName("RSA")]
    Rsa,
}

using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>A Private CA signing algorithm for RSA and ECDSA CAs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SigningAlgorithm>))]
public enum SigningAlgorithm
{
    [JsonStringEnumMemberName("SHA256WITHECDSA")]
    Sha256WithEcdsa,

    [JsonStringEnumMemberName("SHA384WITHECDSA")]
    Sha384WithEcdsa,

    [JsonStringEnumMemberName("SHA512WITHECDSA")]
    Sha512WithEcdsa,

    [JsonStringEnumMemberName("SHA256WITHRSA")]
    Sha256WithRsa,

    [JsonStringEnumMemberName("SHA384WITHRSA")]
    Sha384WithRsa,

    [JsonStringEnumMemberName("SHA512WITHRSA")]
    Sha512WithRsa,
}

using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>API Gateway regional security policies that allow mutual TLS.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiGatewaySecurityPolicy>))]
public enum ApiGatewaySecurityPolicy
{
    [JsonStringEnumMemberName("TLS_1_2")]
    Tls12,

    [JsonStringEnumMemberName("SecurityPolicy_TLS13_1_2_2021_06")]
    Tls13Tls12v2021,

    [JsonStringEnumMemberName("SecurityPolicy_TLS13_1_3_2025_09")]
    Tls13Only2025,

    [JsonStringEnumMemberName("SecurityPolicy_TLS13_1_2_PQ_2025_09")]
    Tls13Tls12PostQuantum2025,

    [JsonStringEnumMemberName("SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09")]
    Tls13Tls12ForwardSecrecyPostQuantum2025,
}

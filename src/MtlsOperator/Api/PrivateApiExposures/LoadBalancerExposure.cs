using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The mutual TLS settings of an ALB HTTPS listener.</summary>
public sealed record LoadBalancerExposure
{
    [JsonPropertyName("listenerArn")]
    [Required]
    [Pattern(AwsPatterns.AlbListenerArn)]
    [Length(20, 300)]
    [Immutable("the previous listener would keep its mutual TLS settings; create a new PrivateApiExposure instead")]
    [Description("ARN of an HTTPS listener of an Application Load Balancer. One exposure per listener. Immutable.")]
    public string ListenerArn { get; init; } = "";

    [JsonPropertyName("mode")]
    [Description("verify: the ALB checks client certificates against the TrustStore (at most 2 verify listeners per load "
        + "balancer); passthrough: the ALB forwards the client certificate chain to targets in X-Amzn-Mtls-Clientcert.")]
    public MutualAuthenticationMode Mode { get; init; } = MutualAuthenticationMode.Verify;

    [JsonPropertyName("ignoreClientCertificateExpiry")]
    [Description("Accept expired client certificates in verify mode.")]
    public bool IgnoreClientCertificateExpiry { get; init; }

    [JsonPropertyName("advertiseTrustStoreCaNames")]
    [Description("Send the TrustStore's CA names to clients in the TLS handshake so they can pick a certificate.")]
    public bool AdvertiseTrustStoreCaNames { get; init; }

    [JsonPropertyName("headers")]
    [Description("Rename the headers through which the ALB passes client certificate details to targets in verify mode "
        + "(listener attributes routing.http.request.x_amzn_mtls_clientcert_*.header_name).")]
    public ClientCertificateHeaders? Headers { get; init; }
}

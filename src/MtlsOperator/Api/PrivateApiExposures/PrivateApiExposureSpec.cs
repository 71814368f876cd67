using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Desired state of a <see cref="V1Alpha1PrivateApiExposure"/>.</summary>
[ExactlyOneOf("loadBalancer", "apiGateway")]
[ValidationRule(typeof(TrustStoreRefUnlessPassthroughRule))]
[ValidationRule(typeof(DomainNameForApiGatewayRule))]
public sealed record PrivateApiExposureSpec
{
    [JsonPropertyName("trustStoreRef")]
    [Description("The TrustStore in this namespace whose CA bundle authenticates clients. Required except for loadBalancer.mode "
        + "passthrough. The exposure waits (WaitingForTrustStore) until that TrustStore is Ready.")]
    public LocalObjectReference? TrustStoreRef { get; init; }

    [JsonPropertyName("domainName")]
    [Pattern(CertificatePatterns.DomainName)]
    [Length(4, 253)]
    [Immutable("the custom domain was created under this name; create a new PrivateApiExposure instead")]
    [Description("Domain clients connect to, e.g. api.partners.example.com. Required for apiGateway (the custom domain name); "
        + "optional for loadBalancer (only used for status.endpoint). Immutable.")]
    public string? DomainName { get; init; }

    [JsonPropertyName("region")]
    [Pattern(AwsPatterns.Region)]
    [Length(9, 25)]
    [Immutable("the custom domain lives in the region it was created in; create a new PrivateApiExposure instead")]
    [Description("AWS region for apiGateway. Defaults to the operator's region setting; loadBalancer uses the listener ARN's region. Immutable.")]
    public string? Region { get; init; }

    [JsonPropertyName("roleArn")]
    [Pattern(AwsPatterns.IamRoleArn)]
    [Length(20, 2048)]
    [Description("IAM role the operator assumes for this resource's AWS calls, e.g. for a listener in another account.")]
    public string? RoleArn { get; init; }

    [JsonPropertyName("loadBalancer")]
    [Description("Mutual TLS on an Application Load Balancer HTTPS listener, typically in front of a private API Gateway through "
        + "a VPC endpoint.")]
    public LoadBalancerExposure? LoadBalancer { get; init; }

    [JsonPropertyName("apiGateway")]
    [Description("Mutual TLS on an API Gateway regional custom domain mapped to a REST API stage.")]
    public ApiGatewayExposure? ApiGateway { get; init; }

    [JsonPropertyName("deletionPolicy")]
    [Description("What deleting this resource does in AWS: Delete sets the listener's mutual authentication mode back to off, "
        + "or removes the base path mapping and the custom domain; Retain leaves them as they are.")]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;
}

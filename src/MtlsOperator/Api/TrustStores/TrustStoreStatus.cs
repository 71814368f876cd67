using System.Text.Json.Serialization;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Observed state of a <see cref="V1Alpha1TrustStore"/>.</summary>
public sealed record TrustStoreStatus
{
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    [Description("Ready is True when the trust store is ACTIVE with the current bundle and revocation lists; its reason says why not "
        + "(BundleInvalid, BucketNotVersioned, AccessDenied, QuotaExceeded, Conflict, Pending, InUse).")]
    public IList<V1Condition>? Conditions { get; init; }

    [JsonPropertyName("observedGeneration")]
    [Description("metadata.generation the operator last acted on.")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("trustStoreArn")]
    [Description("ARN of the Elastic Load Balancing trust store.")]
    public string? TrustStoreArn { get; init; }

    [JsonPropertyName("trustStoreName")]
    [Description("Name of the Elastic Load Balancing trust store.")]
    public string? TrustStoreName { get; init; }

    [JsonPropertyName("trustStoreStatus")]
    [Description("Status AWS reports for the trust store: CREATING or ACTIVE.")]
    public string? AwsStatus { get; init; }

    [JsonPropertyName("bundle")]
    [Description("The bundle currently in S3 and in the trust store.")]
    public BundleStatus? Bundle { get; init; }

    [JsonPropertyName("revocations")]
    [Description("The revocation lists currently in the trust store.")]
    public IReadOnlyList<RevocationStatus>? Revocations { get; init; }

    [JsonPropertyName("associations")]
    [Description("ARNs of the listeners that use the trust store (DescribeTrustStoreAssociations).")]
    public IReadOnlyList<string>? Associations { get; init; }
}

using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Desired state of a <see cref="V1Alpha1TrustStore"/>.</summary>
[ValidationRule(typeof(AtLeastOneCaSourceRule))]
public sealed record TrustStoreSpec
{
    [JsonPropertyName("name")]
    [Pattern(AwsPatterns.TrustStoreName)]
    [Length(1, 32)]
    [Immutable("a new name would create a second trust store and orphan the first; create a new TrustStore instead")]
    [Description("Name of the Elastic Load Balancing trust store: 1-32 letters, digits and hyphens, not starting or ending with a hyphen. "
        + "Defaults to <namespace>-<name> of this resource (which must then fit those rules). Immutable.")]
    public string? Name { get; init; }

    [JsonPropertyName("region")]
    [Pattern(AwsPatterns.Region)]
    [Length(9, 25)]
    [Immutable("the trust store and bundle live in the region they were created in; create a new TrustStore instead")]
    [Description("AWS region of the trust store and the S3 bucket, e.g. eu-west-1. Defaults to the operator's region setting. Immutable.")]
    public string? Region { get; init; }

    [JsonPropertyName("roleArn")]
    [Pattern(AwsPatterns.IamRoleArn)]
    [Length(20, 2048)]
    [Description("IAM role the operator assumes (sts:AssumeRole) for this resource's AWS calls, e.g. for a trust store in another account. "
        + "Defaults to the operator's own credentials.")]
    public string? RoleArn { get; init; }

    [JsonPropertyName("caCertificates")]
    [Required]
    [Items(1, 25)]
    [Description("Where the CA certificates come from. Certificates from all sources are merged, de-duplicated, validated "
        + "(CA certificates only, no private keys, at most 16 KB each, chain depth at most 4) and ordered canonically. "
        + "AWS allows at most 25 CA certificates per trust store.")]
    public IReadOnlyList<CaCertificateSource> CaCertificates { get; init; } = [];

    [JsonPropertyName("bundle")]
    [Required]
    [Description("The S3 object the operator writes the bundle to. The bucket must have versioning enabled: trust stores and API "
        + "Gateway domains refer to one object version.")]
    public BundleLocation Bundle { get; init; } = new();

    [JsonPropertyName("revocation")]
    [Items(0, 30)]
    [Description("Certificate revocation lists to keep in the trust store, each replaced when its CA publishes a newer CRL. "
        + "AWS allows at most 30 revocation lists per trust store. API Gateway does not check revocation.")]
    public IReadOnlyList<RevocationSource>? Revocation { get; init; }

    [JsonPropertyName("deletionPolicy")]
    [Description("What deleting this resource does in AWS: Delete removes the trust store (it must no longer be used by a listener) "
        + "and the S3 objects the operator wrote; Retain leaves them in place.")]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;
}

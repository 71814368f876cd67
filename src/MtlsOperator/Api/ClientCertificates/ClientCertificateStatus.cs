using System.Text.Json.Serialization;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Observed state of a <see cref="V1Alpha1ClientCertificate"/>.</summary>
public sealed record ClientCertificateStatus
{
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    [Description("Ready is True while the Secret holds a valid certificate matching the spec; Issuing is True while a "
        + "certificate is being issued or renewed, with the reason (e.g. MissingSecret, Renewing, SpecChanged, RequestInProgress).")]
    public IList<V1Condition>? Conditions { get; init; }

    [JsonPropertyName("observedGeneration")]
    [Description("metadata.generation the operator last acted on.")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("certificateArn")]
    [Description("Private CA ARN of the certificate in the Secret (empty for a Secret-backed CA).")]
    public string? CertificateArn { get; init; }

    [JsonPropertyName("pendingCertificateArn")]
    [Description("Private CA ARN of a certificate being issued; recorded before polling so a restart does not issue twice.")]
    public string? PendingCertificateArn { get; init; }

    [JsonPropertyName("nextPrivateKeySecretName")]
    [Description("Name of the temporary Secret (owned by this resource) holding the private key of the certificate being issued.")]
    public string? NextPrivateKeySecretName { get; init; }

    [JsonPropertyName("serialNumber")]
    [Description("Serial number of the current certificate, lowercase hex.")]
    public string? SerialNumber { get; init; }

    [JsonPropertyName("notBefore")]
    [Description("Start of the current certificate's validity, RFC 3339.")]
    public DateTimeOffset? NotBefore { get; init; }

    [JsonPropertyName("notAfter")]
    [Description("End of the current certificate's validity, RFC 3339.")]
    public DateTimeOffset? NotAfter { get; init; }

    [JsonPropertyName("renewalTime")]
    [Description("When the operator will renew: notAfter minus renewBefore, RFC 3339.")]
    public DateTimeOffset? RenewalTime { get; init; }

    [JsonPropertyName("revision")]
    [Description("Counts issuances: 1 for the first certificate, incremented by every renewal or re-issuance.")]
    public int? Revision { get; init; }

    [JsonPropertyName("lastFailureTime")]
    [Description("When the last issuance attempt failed, RFC 3339; cleared on success.")]
    public DateTimeOffset? LastFailureTime { get; init; }

    [JsonPropertyName("failedIssuanceAttempts")]
    [Description("Consecutive failed issuance attempts; drives the retry backoff and is reset on success.")]
    public int? FailedIssuanceAttempts { get; init; }
}

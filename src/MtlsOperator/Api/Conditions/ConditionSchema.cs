using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>
/// The documented schema of a status condition (Kubernetes <c>metav1.Condition</c>). Status types hold
/// <see cref="k8s.Models.V1Condition"/>, which the runtime's condition helpers work on; the CRD generator describes it
/// with this record's attributes.
/// </summary>
public sealed record ConditionSchema
{
    [JsonPropertyName("type")]
    [Required]
    [Pattern(@"^[A-Z][A-Za-z0-9]*$")]
    [Length(1, 316)]
    [Description("Type of condition in CamelCase, e.g. Ready, Issuing, Degraded.")]
    public string Type { get; init; } = "";

    [JsonPropertyName("status")]
    [Required]
    [Description("Status of the condition: True, False or Unknown.")]
    public ConditionStatus Status { get; init; } = ConditionStatus.Unknown;

    [JsonPropertyName("reason")]
    [Required]
    [Pattern(@"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    [Length(1, 1024)]
    [Description("Machine-readable CamelCase reason for the last transition, e.g. BundleInvalid or PendingDeployment; see the README's troubleshooting table.")]
    public string Reason { get; init; } = "";

    [JsonPropertyName("message")]
    [Length(0, 32768)]
    [Description("Human-readable explanation: what is wrong, with which field, and what to do.")]
    public string? Message { get; init; }

    [JsonPropertyName("observedGeneration")]
    [Minimum(0)]
    [Description("metadata.generation of the resource this condition was computed from; older than metadata.generation means the condition is stale.")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("lastTransitionTime")]
    [Required]
    [Description("When status last changed (RFC 3339). It does not move when only reason or message change.")]
    public DateTimeOffset LastTransitionTime { get; init; }
}

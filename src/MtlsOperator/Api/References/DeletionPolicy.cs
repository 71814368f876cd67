using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>What happens to the AWS objects when the resource is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Remove or reset what the operator created in AWS.</summary>
    [JsonStringEnumMemberName("Delete")]
    Delete,

    /// <summary>Leave AWS untouched; only the Kubernetes resource goes.</summary>
    [JsonStringEnumMemberName("Retain")]
    Retain,
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>A small custom resource the end-to-end tests register and reconcile.</summary>
public sealed class Widget : IKubernetesObject<V1ObjectMeta>, ISpec<WidgetSpec>, IStatus<WidgetStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "runtime.test.dev/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }
}

/// <summary>What the user asks of a widget.</summary>
public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }
}

/// <summary>What the reconciler last reported.</summary>
public sealed class WidgetStatus
{
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("reconciledBy")]
    public string? ReconciledBy { get; set; }

    [JsonPropertyName("conditions")]
    public List<V1Condition> Conditions { get; set; } = [];
}

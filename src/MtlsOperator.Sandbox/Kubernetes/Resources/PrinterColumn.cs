using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>
/// A Table column: an <c>additionalPrinterColumns</c> entry evaluated by simple JSONPath, or (for built-ins,
/// whose columns kube computes in Go) a function of the object.
/// </summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", string Format = "", int Priority = 0)
{
    public Func<JsonObject, JsonNode?>? Compute { get; init; }
}

using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>One served version of a resource: its schema, subresources and printer columns.</summary>
internal sealed record ResourceVersionInfo(
    string Name,
    bool Storage,
    JsonObject? Schema,
    bool StatusSubresource,
    IReadOnlyList<PrinterColumn> PrinterColumns);

using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>What a LIST or WATCH selects: an optional namespace plus label and field selectors.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public static ObjectFilter Everything { get; } = new(null, LabelSelector.Everything, FieldSelector.Everything);

    public bool Matches(StoredObject obj) =>
        (Namespace is null || string.Equals(obj.Namespace, Namespace, StringComparison.Ordinal))
        && Labels.Matches(obj.Labels)
        && Fields.Matches(obj);
}

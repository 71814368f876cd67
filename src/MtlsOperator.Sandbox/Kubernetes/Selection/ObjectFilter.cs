using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>What a LIST or WATCH selects: an optional namespace plus label and field selectors.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public static ObjectFilter Everything { get; } = new(null, LabelSelector.Everything, FieldSelector.Everything);

    /// <summary>Whether a label or field selector narrows the list (the namespace does not count, as in kube).</summary>
    public bool HasSelectors => !ReferenceEquals(Labels, LabelSelector.Everything) || !ReferenceEquals(Fields, FieldSelector.Everything);

    public bool Matches(StoredObject obj) =>
        (Namespace is null || string.Equals(obj.Namespace, Namespace, StringComparison.Ordinal))
        && Labels.Matches(obj.Labels)
        && Fields.Matches(obj);
}

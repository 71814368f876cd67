namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>Label selector operators as kube's <c>selection.Operator</c>; = and != are In and NotIn with one value.</summary>
internal enum LabelOperator
{
    Exists,
    DoesNotExist,
    In,
    NotIn,
    GreaterThan,
    LessThan,
}

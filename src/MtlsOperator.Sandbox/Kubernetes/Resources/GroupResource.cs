namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>A resource qualified by its API group, printed as kube does: <c>secrets</c>, <c>truststores.mtls.operator.dev</c>.</summary>
internal readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
